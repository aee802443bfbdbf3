package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** RunTask, DescribeTasks, ListTasks, StopTask. */
final class TaskOperations {
    static final Set<String> LAUNCH_TYPES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");

    private static final int MAX_OVERRIDES_LENGTH = 8192;
    private final EcsWorld world;
    private final TaskRunner runner;
    private final TagOperations tags;

    TaskOperations(EcsWorld world, TaskRunner runner, TagOperations tags) {
        this.world = world;
        this.runner = runner;
        this.tags = tags;
    }

    JsonNode run(EcsInput input, RequestContext request) {
        Optional<String> token = input.string("clientToken");
        if (token.isPresent() && token.get().length() > 64) {
            throw EcsErrors.invalidParameter("clientToken can have at most 64 characters.");
        }
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        ObjectNode fingerprint = input.raw().deepCopy();
        fingerprint.remove("clientToken");
        if (token.isPresent()) {
            EcsWorld.ClientToken previous = world.runTaskTokens.get(cluster.arn + "|" + token.get());
            if (previous != null && previous.expiresAt().isAfter(request.now())) {
                if (!previous.request().equals(fingerprint)) {
                    throw EcsErrors.conflict("The specified client token has already been used in a different"
                            + " request with different parameters.");
                }
                return describeArns(cluster, previous.taskArns(), false);
            }
        }
        Placement placement = start(input, cluster, request);
        List<EcsTask> started = placement.started();
        token.ifPresent(t -> world.runTaskTokens.put(
                cluster.arn + "|" + t,
                new EcsWorld.ClientToken(
                        fingerprint,
                        started.stream().map(task -> task.arn).toList(),
                        request.now().plus(Times.CLIENT_TOKEN_LIFETIME))));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode tasks = out.putArray("tasks");
        started.forEach(task -> tasks.add(render(task, true)));
        ArrayNode failures = out.putArray("failures");
        for (int i = 0; i < placement.unplaced(); i++) {
            boolean fargate = "FARGATE".equals(placement.launchType());
            failures.addObject()
                    .put("arn", cluster.arn)
                    .put(
                            "reason",
                            fargate
                                    ? "Capacity is unavailable at this time. Please try again later or in a different"
                                            + " availability zone"
                                    : "RESOURCE:MEMORY");
        }
        return out;
    }

    /** The tasks RunTask started, and how many it could not place for want of capacity. */
    private record Placement(List<EcsTask> started, int unplaced, String launchType) {}

    private Placement start(EcsInput input, Cluster cluster, RequestContext request) {
        String reference = input.required("taskDefinition");
        TaskDefinition definition = world.findTaskDefinition(reference, request.region())
                .orElseThrow(() -> EcsErrors.invalidParameter("TaskDefinition not found."));
        if (!definition.active()) {
            throw EcsErrors.client("TaskDefinition is inactive");
        }
        int count = input.integer("count", 1, 1, 10);
        String launchType = launchType(input, definition);
        if (definition.networkMode().equals("awsvpc") && !input.has("networkConfiguration")) {
            throw EcsErrors.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        String startedBy = input.string("startedBy").orElse(null);
        if (startedBy != null && startedBy.length() > 128) {
            throw EcsErrors.invalidParameter("startedBy can have at most 128 characters.");
        }
        ObjectNode overrides = overrides(input, definition);
        String group = input.string("group").orElse("family:" + definition.family);
        int placeable = Math.max(0, Math.min(count, world.taskCapacity - holdingCapacity(cluster)));
        List<EcsTask> started = new ArrayList<>();
        for (int i = 0; i < placeable; i++) {
            EcsTask task = runner.launch(cluster, definition, group, startedBy, launchType, overrides, request.now());
            tags.apply(task.arn, input.array("tags"));
            started.add(task);
        }
        return new Placement(started, count - placeable, launchType);
    }

    /**
     * The requested launch type, checked against the task definition; without one, FARGATE for awsvpc task
     * definitions and EC2 otherwise (the emulator models no capacity providers or container instances).
     */
    static String launchType(EcsInput input, TaskDefinition definition) {
        boolean awsvpc = definition.networkMode().equals("awsvpc");
        String launchType = input.enumValue("launchType", LAUNCH_TYPES).orElse(awsvpc ? "FARGATE" : "EC2");
        if (launchType.equals("FARGATE") && !awsvpc) {
            throw EcsErrors.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        return launchType;
    }

    private static ObjectNode overrides(EcsInput input, TaskDefinition definition) {
        ObjectNode overrides =
                input.object("overrides").map(ObjectNode::deepCopy).orElseGet(JsonNodeFactory.instance::objectNode);
        // AWS caps the container overrides of RunTask at 8192 characters of JSON.
        JsonNode containerOverrides = overrides.path("containerOverrides");
        if (!containerOverrides.isMissingNode() && containerOverrides.toString().length() > MAX_OVERRIDES_LENGTH) {
            throw EcsErrors.invalidParameter("Container Overrides length must be at most " + MAX_OVERRIDES_LENGTH);
        }
        Set<String> names = new HashSet<>();
        definition.containers().forEach(c -> names.add(c.path("name").asText()));
        for (JsonNode override : overrides.path("containerOverrides")) {
            String name = override.path("name").asText("");
            if (!names.contains(name)) {
                throw EcsErrors.invalidParameter(
                        "Override for container named " + name + " is not a container in the TaskDefinition.");
            }
        }
        if (!overrides.has("containerOverrides")) {
            overrides.putArray("containerOverrides");
        }
        overrides.putArray("inferenceAcceleratorOverrides");
        return overrides;
    }

    /** Tasks of the cluster that hold capacity: every task not yet STOPPED. */
    private int holdingCapacity(Cluster cluster) {
        int count = 0;
        for (EcsTask task : world.tasksOf(cluster)) {
            if (!"STOPPED".equals(task.lastStatus)) {
                count++;
            }
        }
        return count;
    }

    JsonNode describe(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        List<String> references = input.strings("tasks");
        if (references.isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (references.size() > 100) {
            throw EcsErrors.invalidParameter("tasks can have at most 100 items.");
        }
        return describeArns(cluster, references, input.includes("TAGS"));
    }

    private ObjectNode describeArns(Cluster cluster, List<String> references, boolean withTags) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode tasks = out.putArray("tasks");
        ArrayNode failures = out.putArray("failures");
        for (String reference : references) {
            Optional<EcsTask> task = world.findTask(cluster, reference);
            if (task.isPresent()) {
                tasks.add(render(task.get(), withTags));
            } else {
                String arn = reference.startsWith("arn:")
                        ? reference
                        : world.arn(cluster.region, "task/" + cluster.name + "/" + reference);
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            }
        }
        return out;
    }

    JsonNode list(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        Optional<String> serviceName = input.string("serviceName");
        Optional<String> family = input.string("family");
        if (serviceName.isPresent() && family.isPresent()) {
            throw EcsErrors.invalidParameter("Cannot specify both family and serviceName.");
        }
        Optional<String> startedBy = input.string("startedBy");
        String desired = input.enumValue("desiredStatus", Set.of("RUNNING", "PENDING", "STOPPED"))
                .orElse("RUNNING");
        Optional<String> launchType = input.enumValue("launchType", LAUNCH_TYPES);
        String serviceGroup =
                serviceName.map(name -> "service:" + serviceShortName(name)).orElse(null);
        List<String> arns = new ArrayList<>();
        for (EcsTask task : world.tasksOf(cluster)) {
            boolean matches = desiredMatches(task, desired)
                    && (serviceGroup == null || (task.service != null && task.group.equals(serviceGroup)))
                    && family.map(f -> f.equals(task.taskDefinition.family)).orElse(true)
                    && startedBy.map(s -> s.equals(task.startedBy)).orElse(true)
                    && launchType.map(l -> l.equals(task.launchType)).orElse(true);
            if (matches) {
                arns.add(task.arn);
            }
        }
        Pages.Page<String> page = Pages.page(arns, input, 100, 100);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("taskArns");
        page.items().forEach(list::add);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static String serviceShortName(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    private static boolean desiredMatches(EcsTask task, String desired) {
        return switch (desired) {
            case "STOPPED" -> task.desiredStatus.equals("STOPPED");
            case "PENDING" -> !task.stopping() && !task.lastStatus.equals("RUNNING");
            default -> task.desiredStatus.equals("RUNNING");
        };
    }

    JsonNode stop(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        String reference = input.required("task");
        EcsTask task = world.findTask(cluster, reference)
                .orElseThrow(() -> EcsErrors.invalidParameter("The referenced task was not found."));
        String reason = input.string("reason").orElse("Task stopped by user");
        if (reason.length() > 255) {
            throw EcsErrors.invalidParameter("reason can have at most 255 characters.");
        }
        runner.stop(task, request.now(), "UserInitiated", reason);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("task", render(task, false));
        return out;
    }

    ObjectNode render(EcsTask task, boolean withTags) {
        ObjectNode json = task.toJson();
        if (withTags) {
            json.set("tags", tags.render(task.arn));
        }
        return json;
    }
}
