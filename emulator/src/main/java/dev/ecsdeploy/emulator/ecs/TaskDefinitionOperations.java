package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RegisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies,
 * DeregisterTaskDefinition, DeleteTaskDefinitions.
 */
final class TaskDefinitionOperations {
    static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    static final Set<String> NETWORK_MODES = Set.of("bridge", "host", "awsvpc", "none");
    static final Set<String> LOG_DRIVERS =
            Set.of("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens");
    static final Set<String> COMPATIBILITIES = Set.of("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES");

    static final int MAX_TASK_DEFINITION_BYTES = 64 * 1024;
    private final EcsWorld world;
    private final TagOperations tags;

    TaskDefinitionOperations(EcsWorld world, TagOperations tags) {
        this.world = world;
        this.tags = tags;
    }

    JsonNode register(EcsInput input, RequestContext request) {
        String family = input.string("family").orElse("");
        if (!FAMILY.matcher(family).matches()) {
            throw EcsErrors.client("Family contains invalid characters or is longer than 255 characters. Up to 255"
                    + " letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
        }
        validate(input);
        requireWithinSizeLimit(input.raw());
        ObjectNode body = input.raw().deepCopy();
        body.remove("tags");
        List<TaskDefinition> revisions = world.families.computeIfAbsent(family, key -> new ArrayList<>());
        int revision = revisions.isEmpty() ? 1 : revisions.get(revisions.size() - 1).revision + 1;
        String arn = world.arn(request.region(), "task-definition/" + family + ":" + revision);
        TaskDefinition definition =
                new TaskDefinition(family, revision, arn, body, request.now(), world.principalArn());
        tags.apply(arn, input.array("tags"));
        revisions.add(definition);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("taskDefinition", definition.toJson());
        out.set("tags", tags.render(arn));
        return out;
    }

    /** AWS's documented quota: a task definition is at most 64 KiB of JSON. */
    private static void requireWithinSizeLimit(ObjectNode definition) {
        int length = definition.toString().getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_TASK_DEFINITION_BYTES) {
            throw EcsErrors.client("Actual length: '" + length + "'. Max allowed length is '"
                    + MAX_TASK_DEFINITION_BYTES + "' bytes.");
        }
    }

    private void validate(EcsInput input) {
        ArrayNode containers = input.array("containerDefinitions");
        if (containers.isEmpty()) {
            throw EcsErrors.client("Container list cannot be empty.");
        }
        String networkMode = input.enumValue("networkMode", NETWORK_MODES).orElse("bridge");
        for (String compatibility : input.strings("requiresCompatibilities")) {
            EcsInput.requireEnum("requiresCompatibilities", compatibility, COMPATIBILITIES);
        }
        if (input.strings("requiresCompatibilities").contains("FARGATE")) {
            requireFargateShape(input, networkMode);
        }
        Set<String> names = new HashSet<>();
        boolean anyEssential = false;
        for (JsonNode container : containers) {
            String name = container.path("name").asText("");
            if (name.isEmpty()) {
                throw EcsErrors.client("Container.name should not be null or empty.");
            }
            if (!Pattern.matches("[a-zA-Z0-9_-]{1,255}", name)) {
                throw EcsErrors.client("Container.name contains invalid characters.");
            }
            if (!names.add(name)) {
                throw EcsErrors.client("Duplicate container name found: " + name + ".");
            }
            if (container.path("image").asText("").isEmpty()) {
                throw EcsErrors.client("Container.image should not be null or empty.");
            }
            anyEssential |= container.path("essential").asBoolean(true);
            validateLogConfiguration(container);
        }
        if (!anyEssential) {
            throw EcsErrors.client("A task definition must have at least one essential container.");
        }
    }

    private static void requireFargateShape(EcsInput input, String networkMode) {
        if (!networkMode.equals("awsvpc")) {
            throw EcsErrors.client("Fargate only supports network mode ‘awsvpc’.");
        }
        if (!input.has("cpu")) {
            throw EcsErrors.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        if (!input.has("memory")) {
            throw EcsErrors.client("Fargate requires that 'memory' be defined at the task level.");
        }
    }

    private static void validateLogConfiguration(JsonNode container) {
        JsonNode log = container.get("logConfiguration");
        if (log == null || log.isNull()) {
            return;
        }
        String driver = log.path("logDriver").asText("");
        EcsInput.requireEnum("logConfiguration.logDriver", driver, LOG_DRIVERS);
        if (driver.equals("awslogs")
                && log.path("options").path("awslogs-group").asText("").isEmpty()) {
            throw EcsErrors.client("Log driver awslogs option 'awslogs-group' should not be null or empty.");
        }
    }

    JsonNode describe(EcsInput input, RequestContext request) {
        String reference = input.required("taskDefinition");
        TaskDefinition definition = world.findTaskDefinition(reference, request.region())
                .filter(td -> !td.status.equals("DELETE_IN_PROGRESS"))
                .orElseThrow(() -> EcsErrors.client("Unable to describe task definition."));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("taskDefinition", definition.toJson());
        if (input.includes("TAGS")) {
            out.set("tags", tags.render(definition.arn));
        }
        return out;
    }

    JsonNode list(EcsInput input, RequestContext request) {
        String prefix = input.string("familyPrefix").orElse(null);
        String status = input.enumValue("status", Set.of("ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"))
                .orElse("ACTIVE");
        boolean descending =
                input.enumValue("sort", Set.of("ASC", "DESC")).orElse("ASC").equals("DESC");
        List<TaskDefinition> matching = new ArrayList<>();
        world.families.forEach((family, revisions) -> {
            if (prefix == null || family.equals(prefix)) {
                revisions.stream().filter(td -> td.status.equals(status)).forEach(matching::add);
            }
        });
        Comparator<TaskDefinition> order =
                Comparator.comparing((TaskDefinition td) -> td.family).thenComparingInt(td -> td.revision);
        matching.sort(descending ? order.reversed() : order);
        Pages.Page<TaskDefinition> page = Pages.page(matching, input, 100, 100);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode arns = out.putArray("taskDefinitionArns");
        page.items().forEach(td -> arns.add(td.arn));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    JsonNode listFamilies(EcsInput input) {
        String prefix = input.string("familyPrefix").orElse("");
        String status =
                input.enumValue("status", Set.of("ACTIVE", "INACTIVE", "ALL")).orElse("ACTIVE");
        List<String> families = new ArrayList<>();
        world.families.forEach((family, revisions) -> {
            boolean anyActive = revisions.stream().anyMatch(TaskDefinition::active);
            boolean include = switch (status) {
                case "ACTIVE" -> anyActive;
                case "INACTIVE" -> !anyActive;
                default -> true;
            };
            if (include && family.startsWith(prefix)) {
                families.add(family);
            }
        });
        families.sort(null);
        Pages.Page<String> page = Pages.page(families, input, 100, 100);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("families");
        page.items().forEach(list::add);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    JsonNode deregister(EcsInput input, RequestContext request) {
        String reference = input.required("taskDefinition");
        if (!reference.contains(":")) {
            throw EcsErrors.invalidParameter("Invalid revision number. Number: " + reference);
        }
        TaskDefinition definition = world.findTaskDefinition(reference, request.region())
                .orElseThrow(() -> EcsErrors.client("The specified task definition does not exist."));
        if (definition.active()) {
            definition.status = "INACTIVE";
            definition.deregisteredAt = request.now();
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("taskDefinition", definition.toJson());
        return out;
    }

    JsonNode delete(EcsInput input, RequestContext request) {
        List<String> references = input.strings("taskDefinitions");
        if (references.isEmpty() || references.size() > 10) {
            throw EcsErrors.invalidParameter("taskDefinitions must contain between 1 and 10 items.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode deleted = out.putArray("taskDefinitions");
        ArrayNode failures = out.putArray("failures");
        for (String reference : references) {
            TaskDefinition definition = reference.contains(":")
                    ? world.findTaskDefinition(reference, request.region()).orElse(null)
                    : null;
            if (definition == null) {
                failures.addObject()
                        .put("arn", reference)
                        .put("reason", "The specified task definition does not exist.");
            } else if (definition.active()) {
                failures.addObject()
                        .put("arn", definition.arn)
                        .put(
                                "reason",
                                "The specified task definition is still in ACTIVE status. Please deregister the"
                                        + " target and try again.");
            } else {
                definition.status = "DELETE_IN_PROGRESS";
                definition.deleteRequestedAt = request.now();
                deleted.add(definition.toJson());
            }
        }
        return out;
    }
}
