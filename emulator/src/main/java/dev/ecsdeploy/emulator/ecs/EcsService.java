package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.MemberTypes;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.ImageResolver;
import dev.ecsdeploy.emulator.workload.TaskLogWriter;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Instant;

/**
 * The emulated Amazon ECS (AWS JSON 1.1, target prefix {@code AmazonEC2ContainerServiceV20141113}): clusters, task
 * definitions, tasks, services with rolling and native blue/green, linear and canary deployments, and the service
 * deployments API. Everything moves on the emulator's clock: {@link #advanceTo} fires each transition at its due time.
 *
 * <p>Scenario API for tests and demos: {@link #simulate(String, Workload)} makes an image behave in a given way
 * without pushing it to the registry.
 */
public final class EcsService implements AwsJsonService {
    private final EcsWorld world;
    private final TaskRunner runner;
    private final TagOperations tags;
    private final ClusterOperations clusters;
    private final TaskDefinitionOperations taskDefinitions;
    private final TaskOperations tasks;
    private final ServiceScheduler scheduler;
    private final ServiceRenderer renderer;
    private final ServiceOperations services;
    private final ServiceDeploymentOperations serviceDeployments;
    private final TaskSetOperations taskSets;

    public EcsService(EmulatorContext context, ImageResolver images, TaskLogWriter logs) {
        this.world = new EcsWorld(context, images, logs);
        this.runner = new TaskRunner(world);
        this.tags = new TagOperations(world);
        this.clusters = new ClusterOperations(world, tags);
        this.taskDefinitions = new TaskDefinitionOperations(world, tags);
        this.tasks = new TaskOperations(world, runner, tags);
        this.scheduler = new ServiceScheduler(world, runner);
        this.renderer = new ServiceRenderer(scheduler, tags);
        this.services = new ServiceOperations(world, scheduler, renderer, tags);
        this.serviceDeployments = new ServiceDeploymentOperations(world, scheduler, renderer);
        this.taskSets = new TaskSetOperations(world);
    }

    @Override
    public String targetPrefix() {
        return "AmazonEC2ContainerServiceV20141113";
    }

    @Override
    public String serviceName() {
        return "ecs";
    }

    /**
     * Makes every task that runs {@code imageReference} behave as {@code workload}, whatever the registry holds
     * (for example {@code Workload.DEFAULT.withHealth(Health.CRASH)} or {@code .withExitCode(137)}). Applies to
     * tasks started from now on.
     */
    public synchronized void simulate(String imageReference, Workload workload) {
        world.simulations.put(imageReference, workload);
    }

    /**
     * The control API's form of the scenario calls ({@code POST /_emulator/ecs/simulate}): {@code {"image": "web:2",
     * "labels": {"dev.ecsdeploy.emulator.health": "crash"}}} or {@code {"image": "…", "pullFailure": true}}.
     */
    public JsonNode simulate(JsonNode body) {
        if (body == null || !body.hasNonNull("image")) {
            throw new IllegalArgumentException("a simulation needs an image, such as {\"image\": \"web:2\"}");
        }
        String image = body.get("image").asText();
        if (body.path("pullFailure").asBoolean(false)) {
            simulatePullFailure(image);
        } else {
            java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
            body.path("labels")
                    .fields()
                    .forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
            simulate(image, Workload.fromLabels(labels));
        }
        return JsonNodeFactory.instance.objectNode().put("image", image);
    }

    /**
     * Puts a CloudWatch alarm into ALARM now: in-flight deployments whose {@code deploymentConfiguration.alarms}
     * monitor it fail, and roll back when {@code alarms.rollback} is set.
     */
    public synchronized void triggerAlarm(String alarmName) {
        Instant now = world.context.clock().now();
        advanceTo(now);
        scheduler.alarm(alarmName, now);
    }

    /** Makes pulls of {@code imageReference} fail, as for an image the registry does not hold. */
    public synchronized void simulatePullFailure(String imageReference) {
        world.pullFailures.add(imageReference);
    }

    /** Forgets every {@link #simulate} and {@link #simulatePullFailure} override. */
    public synchronized void clearSimulations() {
        world.simulations.clear();
        world.pullFailures.clear();
    }

    /**
     * The smallest circuit-breaker failure threshold: 3 (the current API reference, the default) or 10 (older
     * documentation).
     */
    /**
     * Limits every cluster to {@code tasks} tasks that are not STOPPED; RunTask then answers the tasks beyond it in
     * {@code failures[]} (EC2: {@code RESOURCE:MEMORY}, Fargate: capacity unavailable), as ECS does when capacity is
     * short. {@code Integer.MAX_VALUE} (the default) lifts the limit.
     */
    public synchronized void taskCapacity(int tasks) {
        if (tasks < 0) {
            throw new IllegalArgumentException("capacity must be 0 or more tasks, not " + tasks);
        }
        world.taskCapacity = tasks;
    }

    /** {@code {"tasks": 2}} or {@code {"tasks": null}} (no limit), from the control API. */
    public JsonNode taskCapacity(JsonNode body) {
        JsonNode tasks = body == null ? null : body.get("tasks");
        if (tasks == null || tasks.isNull()) {
            taskCapacity(Integer.MAX_VALUE);
        } else if (!tasks.canConvertToInt() || !tasks.isIntegralNumber()) {
            throw new IllegalArgumentException("tasks must be a whole number of tasks or null, not " + tasks);
        } else {
            taskCapacity(tasks.intValue());
        }
        return JsonNodeFactory.instance.objectNode().put("tasks", world.taskCapacity);
    }

    public synchronized void circuitBreakerMinimumThreshold(int minimum) {
        world.circuitBreakerMinimumThreshold = minimum;
    }

    /** Members the emulator accepts without using them still need the right JSON type, as in AWS. */
    private static void checkUnreadMembers(String operation, ObjectNode input) {
        switch (operation) {
            case "CreateCluster" -> {
                MemberTypes.structures(input, "configuration", "serviceConnectDefaults");
                MemberTypes.lists(input, "defaultCapacityProviderStrategy", "capacityProviders", "settings");
            }
            case "ListServices" -> MemberTypes.strings(input, "resourceManagementType");
            case "ListTasks" -> MemberTypes.strings(input, "containerInstance", "daemonName");
            default -> {}
        }
    }

    /** The task-set side of CODE_DEPLOY services, for the emulated CodeDeploy. */
    public EcsTaskSets taskSets() {
        return new EcsTaskSets(this, world, taskSets);
    }

    @Override
    public synchronized JsonNode handle(String operation, ObjectNode input, RequestContext context) {
        EcsInput in = new EcsInput(input);
        checkUnreadMembers(operation, input);
        return switch (operation) {
            case "CreateCluster" -> clusters.create(in, context);
            case "DescribeClusters" -> clusters.describe(in, context);
            case "ListClusters" -> clusters.list(in, context);
            case "DeleteCluster" -> clusters.delete(in, context);
            case "RegisterTaskDefinition" -> taskDefinitions.register(in, context);
            case "DescribeTaskDefinition" -> taskDefinitions.describe(in, context);
            case "ListTaskDefinitions" -> taskDefinitions.list(in, context);
            case "ListTaskDefinitionFamilies" -> taskDefinitions.listFamilies(in);
            case "DeregisterTaskDefinition" -> taskDefinitions.deregister(in, context);
            case "DeleteTaskDefinitions" -> taskDefinitions.delete(in, context);
            case "TagResource" -> tags.tag(in);
            case "UntagResource" -> tags.untag(in);
            case "ListTagsForResource" -> tags.list(in);
            case "RunTask" -> tasks.run(in, context);
            case "DescribeTasks" -> tasks.describe(in, context);
            case "ListTasks" -> tasks.list(in, context);
            case "StopTask" -> tasks.stop(in, context);
            case "CreateService" -> services.create(in, context);
            case "UpdateService" -> services.update(in, context);
            case "DescribeServices" -> services.describe(in, context);
            case "ListServices" -> services.list(in, context);
            case "DeleteService" -> services.delete(in, context);
            case "ListServiceDeployments" -> serviceDeployments.list(in, context);
            case "DescribeServiceDeployments" -> serviceDeployments.describe(in);
            case "StopServiceDeployment" -> serviceDeployments.stop(in, context);
            case "ContinueServiceDeployment" -> serviceDeployments.continueDeployment(in, context);
            case "DescribeServiceRevisions" -> serviceDeployments.describeRevisions(in);
            case "CreateTaskSet" -> taskSets.create(in, context);
            case "DescribeTaskSets" -> taskSets.describe(in, context);
            case "UpdateTaskSet" -> taskSets.update(in, context);
            case "UpdateServicePrimaryTaskSet" -> taskSets.updatePrimary(in, context);
            case "DeleteTaskSet" -> taskSets.delete(in, context);
            default -> throw AwsJsonService.unknownOperation(operation);
        };
    }

    @Override
    public synchronized void advanceTo(Instant now) {
        world.events.runUntil(now, scheduler::reconcileAll);
    }

    @Override
    public synchronized JsonNode dumpState() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        ArrayNode clusterList = state.putArray("clusters");
        world.clusters.values().forEach(c -> clusterList.add(clusters.render(c, true)));
        ArrayNode definitions = state.putArray("taskDefinitions");
        world.families.values().forEach(revisions -> revisions.forEach(td -> definitions.add(td.toJson())));
        ArrayNode taskList = state.putArray("tasks");
        world.tasks.values().forEach(t -> taskList.add(tasks.render(t, true)));
        ArrayNode serviceList = state.putArray("services");
        world.services.values().forEach(s -> serviceList.add(renderer.service(s, true)));
        ArrayNode deployments = state.putArray("serviceDeployments");
        world.serviceDeployments.values().forEach(sd -> deployments.add(renderer.serviceDeployment(sd)));
        state.put("pendingEvents", world.events.size());
        return state;
    }
}
