package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** CreateService, UpdateService (no idempotency token, as in AWS), DescribeServices, ListServices, DeleteService. */
final class ServiceOperations {
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    static final Set<String> CONTROLLERS = Set.of("ECS", "CODE_DEPLOY", "EXTERNAL");

    private final EcsWorld world;
    private final ServiceScheduler scheduler;
    private final ServiceRenderer renderer;
    private final TagOperations tags;

    ServiceOperations(EcsWorld world, ServiceScheduler scheduler, ServiceRenderer renderer, TagOperations tags) {
        this.world = world;
        this.scheduler = scheduler;
        this.renderer = renderer;
        this.tags = tags;
    }

    JsonNode create(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        String name = input.required("serviceName");
        if (!NAME.matcher(name).matches()) {
            throw EcsErrors.invalidParameter("Service name can have up to 255 letters (uppercase and lowercase),"
                    + " numbers, underscores, and hyphens.");
        }
        Optional<String> token = input.string("clientToken");
        if (token.isPresent() && token.get().length() > 36) {
            throw EcsErrors.invalidParameter("clientToken can have at most 36 characters.");
        }
        ObjectNode fingerprint = input.raw().deepCopy();
        fingerprint.remove("clientToken");
        Optional<ServiceState> existing = world.findService(cluster, name);
        if (existing.isPresent() && !existing.get().status.equals("INACTIVE")) {
            EcsWorld.ClientToken previous = token.map(t -> world.createServiceTokens.get(cluster.arn + "|" + t))
                    .orElse(null);
            boolean retry = previous != null
                    && previous.request().equals(fingerprint)
                    && previous.expiresAt().isAfter(request.now());
            if (retry) {
                return wrap(existing.get());
            }
            throw EcsErrors.invalidParameter("Creation of service was not idempotent.");
        }
        String controller = input.object("deploymentController")
                .map(c -> c.path("type").asText("ECS"))
                .orElse("ECS");
        EcsInput.requireEnum("deploymentController.type", controller, CONTROLLERS);
        String scheduling = input.enumValue("schedulingStrategy", Set.of("REPLICA", "DAEMON"))
                .orElse("REPLICA");
        TaskDefinition definition = taskDefinition(input.required("taskDefinition"), request);
        ServiceState service = new ServiceState(
                name,
                world.arn(cluster.region, "service/" + cluster.name + "/" + name),
                cluster,
                request.now(),
                controller,
                scheduling);
        service.desiredCount = input.integer("desiredCount", 0, 0, 100_000);
        service.launchType = TaskOperations.launchType(input, definition);
        service.networkConfiguration =
                input.object("networkConfiguration").map(ObjectNode::deepCopy).orElse(null);
        if (definition.networkMode().equals("awsvpc") && service.networkConfiguration == null) {
            throw EcsErrors.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        service.loadBalancers = input.array("loadBalancers").deepCopy();
        service.serviceRegistries = input.array("serviceRegistries").deepCopy();
        service.serviceConnectConfiguration = input.object("serviceConnectConfiguration")
                .map(ObjectNode::deepCopy)
                .orElse(null);
        service.healthCheckGracePeriodSeconds = input.integer("healthCheckGracePeriodSeconds", 0, 0, 2_147_483);
        service.propagateTags = input.enumValue("propagateTags", Set.of("TASK_DEFINITION", "SERVICE", "NONE"))
                .orElse("NONE");
        service.enableEcsManagedTags = input.bool("enableECSManagedTags").orElse(false);
        service.enableExecuteCommand = input.bool("enableExecuteCommand").orElse(false);
        service.placementConstraints = input.array("placementConstraints").deepCopy();
        service.placementStrategy = input.array("placementStrategy").deepCopy();
        service.deploymentConfiguration = DeploymentConfigurations.merge(
                DeploymentConfigurations.defaults(),
                input.object("deploymentConfiguration").orElseGet(JsonNodeFactory.instance::objectNode));
        DeploymentConfigurations.validate(service.deploymentConfiguration, service);
        tags.apply(service.arn, input.array("tags"));
        world.services.put(service.arn, service);
        token.ifPresent(t -> world.createServiceTokens.put(
                cluster.arn + "|" + t,
                new EcsWorld.ClientToken(
                        fingerprint, List.of(service.arn), request.now().plus(Times.CLIENT_TOKEN_LIFETIME))));
        scheduler.deploy(service, definition, request.now());
        scheduler.reconcile(service, request.now());
        if (controller.equals("CODE_DEPLOY")) {
            primaryTaskSet(service, definition, request.now());
        }
        return wrap(service);
    }

    /** ECS starts a CODE_DEPLOY service with one PRIMARY task set; CodeDeploy replaces it later. */
    private void primaryTaskSet(ServiceState service, TaskDefinition definition, java.time.Instant now) {
        TaskSetOperations taskSets = new TaskSetOperations(world);
        TaskSet primary = taskSets.create(service, definition, null, null, service.loadBalancers.deepCopy(), now);
        taskSets.makePrimary(primary, now);
    }

    private TaskDefinition taskDefinition(String reference, RequestContext request) {
        TaskDefinition definition = world.findTaskDefinition(reference, request.region())
                .orElseThrow(() -> EcsErrors.invalidParameter("TaskDefinition not found."));
        if (!definition.active()) {
            throw EcsErrors.client("TaskDefinition is inactive");
        }
        return definition;
    }

    JsonNode update(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        ServiceState service =
                world.findService(cluster, input.required("service")).orElseThrow(EcsErrors::serviceNotFound);
        if (!service.active()) {
            throw EcsErrors.serviceNotActive();
        }
        Optional<String> newDefinition = input.string("taskDefinition");
        if (newDefinition.isPresent() && !service.controller.equals("ECS")) {
            throw EcsErrors.invalidParameter(controllerRejection(service.controller));
        }
        TaskDefinition definition = newDefinition
                .map(reference -> taskDefinition(reference, request))
                .orElse(service.primary().taskDefinition);
        boolean redeploy = definition != service.primary().taskDefinition
                || input.bool("forceNewDeployment").orElse(false);
        redeploy |= applyNetworking(service, input);
        input.integer("desiredCount").ifPresent(count -> {
            if (count < 0) {
                throw EcsErrors.invalidParameter("desiredCount must be at least 0.");
            }
            service.desiredCount = count;
            service.steadyReported = false;
        });
        input.object("deploymentConfiguration").ifPresent(update -> {
            ObjectNode merged = DeploymentConfigurations.merge(service.deploymentConfiguration, update);
            DeploymentConfigurations.validate(merged, service);
            service.deploymentConfiguration = merged;
        });
        input.integer("healthCheckGracePeriodSeconds").ifPresent(v -> service.healthCheckGracePeriodSeconds = v);
        input.bool("enableExecuteCommand").ifPresent(v -> service.enableExecuteCommand = v);
        input.bool("enableECSManagedTags").ifPresent(v -> service.enableEcsManagedTags = v);
        input.string("propagateTags").ifPresent(v -> service.propagateTags = v);
        if (redeploy) {
            DeploymentConfigurations.validate(service.deploymentConfiguration, service);
            scheduler.deploy(service, definition, request.now());
        }
        scheduler.reconcile(service, request.now());
        return wrap(service);
    }

    private static String controllerRejection(String controller) {
        if (controller.equals("CODE_DEPLOY")) {
            return "Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS"
                    + " CodeDeploy to trigger a new deployment.";
        }
        return "Unable to update task definition on services with a EXTERNAL deployment controller. Use task sets"
                + " to trigger a new deployment.";
    }

    /** Networking changes need a new deployment, as in ECS. */
    private static boolean applyNetworking(ServiceState service, EcsInput input) {
        boolean changed = false;
        Optional<ObjectNode> network = input.object("networkConfiguration");
        if (network.isPresent() && !network.get().equals(service.networkConfiguration)) {
            service.networkConfiguration = network.get().deepCopy();
            changed = true;
        }
        if (input.has("loadBalancers") && !input.array("loadBalancers").equals(service.loadBalancers)) {
            service.loadBalancers = input.array("loadBalancers").deepCopy();
            changed = true;
        }
        Optional<ObjectNode> serviceConnect = input.object("serviceConnectConfiguration");
        if (serviceConnect.isPresent() && !Objects.equals(serviceConnect.get(), service.serviceConnectConfiguration)) {
            service.serviceConnectConfiguration = serviceConnect.get().deepCopy();
            changed = true;
        }
        return changed;
    }

    JsonNode describe(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        List<String> references = input.strings("services");
        if (references.isEmpty()) {
            throw EcsErrors.invalidParameter("Services cannot be empty.");
        }
        if (references.size() > 10) {
            throw EcsErrors.invalidParameter("services can have at most 10 items.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode services = out.putArray("services");
        ArrayNode failures = out.putArray("failures");
        boolean withTags = input.includes("TAGS");
        for (String reference : references) {
            Optional<ServiceState> service = world.findService(cluster, reference);
            if (service.isPresent()) {
                services.add(renderer.service(service.get(), withTags));
            } else {
                String arn = reference.startsWith("arn:")
                        ? reference
                        : world.arn(cluster.region, "service/" + cluster.name + "/" + reference);
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            }
        }
        return out;
    }

    JsonNode list(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        Optional<String> launchType = input.enumValue("launchType", TaskOperations.LAUNCH_TYPES);
        Optional<String> scheduling = input.enumValue("schedulingStrategy", Set.of("REPLICA", "DAEMON"));
        List<String> arns = new ArrayList<>();
        for (ServiceState service : world.services.values()) {
            boolean matches = service.cluster == cluster
                    && !service.status.equals("INACTIVE")
                    && launchType.map(service.launchType::equals).orElse(true)
                    && scheduling.map(service.schedulingStrategy::equals).orElse(true);
            if (matches) {
                arns.add(service.arn);
            }
        }
        Pages.Page<String> page = Pages.page(arns, input, 10, 100);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("serviceArns");
        page.items().forEach(list::add);
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    JsonNode delete(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        ServiceState service = world.findService(cluster, input.required("service"))
                .filter(s -> !s.status.equals("INACTIVE"))
                .orElseThrow(EcsErrors::serviceNotFound);
        boolean force = input.bool("force").orElse(false);
        if (service.desiredCount > 0 && !force && service.schedulingStrategy.equals("REPLICA")) {
            throw EcsErrors.invalidParameter("The service cannot be stopped while it is scaled above 0.");
        }
        service.desiredCount = 0;
        service.status = "DRAINING";
        ServiceDeployment sd = service.currentServiceDeployment;
        if (sd != null && sd.inFlight()) {
            scheduler.finish(
                    sd, "STOPPED", "Service deployment stopped because the service was deleted.", request.now());
        }
        ObjectNode out = wrap(service);
        scheduler.reconcile(service, request.now());
        return out;
    }

    private ObjectNode wrap(ServiceState service) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("service", renderer.service(service, false));
        return out;
    }
}
