package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Optional;

/**
 * What the emulated CodeDeploy asks of ECS: read a CODE_DEPLOY service and manage its task sets, as the real
 * CodeDeploy does through CreateTaskSet, UpdateServicePrimaryTaskSet and DeleteTaskSet. Every method locks the ECS
 * service, so it sees and leaves a consistent state.
 */
public final class EcsTaskSets {
    private final Object lock;
    private final EcsWorld world;
    private final TaskSetOperations operations;

    EcsTaskSets(Object lock, EcsWorld world, TaskSetOperations operations) {
        this.lock = lock;
        this.world = world;
        this.operations = operations;
    }

    /** A service as CodeDeploy sees it; {@code taskDefinitionArn} is the PRIMARY task set's, when there is one. */
    public record ServiceView(
            String arn,
            String controller,
            String status,
            int desiredCount,
            String taskDefinitionArn,
            String primaryTaskSetId) {}

    /** One task set; {@code steady} once all its tasks run. */
    public record TaskSetView(
            String id,
            String arn,
            String status,
            String taskDefinitionArn,
            int desiredCount,
            int runningCount,
            boolean steady) {}

    public Optional<ServiceView> service(String region, String cluster, String service, Instant now) {
        synchronized (lock) {
            return find(region, cluster, service).map(s -> view(s, now));
        }
    }

    /** Whether {@code reference} names an ACTIVE task definition in {@code region}. */
    public boolean taskDefinitionExists(String region, String reference) {
        synchronized (lock) {
            return world.findTaskDefinition(reference, region)
                    .filter(TaskDefinition::active)
                    .isPresent();
        }
    }

    /** Creates a replacement task set at 100 % scale, registered with {@code targetGroupArn}; returns its id. */
    public String createTaskSet(
            String region,
            String cluster,
            String service,
            String taskDefinition,
            String containerName,
            int containerPort,
            String targetGroupArn,
            Instant now) {
        synchronized (lock) {
            ServiceState state = find(region, cluster, service).orElseThrow();
            TaskDefinition definition =
                    world.findTaskDefinition(taskDefinition, region).orElseThrow();
            ArrayNode loadBalancers = JsonNodeFactory.instance.arrayNode();
            loadBalancers
                    .addObject()
                    .put("targetGroupArn", targetGroupArn)
                    .put("containerName", containerName)
                    .put("containerPort", containerPort);
            return operations.create(state, definition, null, "CodeDeploy", loadBalancers, now).id;
        }
    }

    public Optional<TaskSetView> taskSet(String region, String cluster, String service, String id, Instant now) {
        synchronized (lock) {
            return find(region, cluster, service)
                    .flatMap(s -> operations.find(s, id, now))
                    .map(t -> new TaskSetView(
                            t.id,
                            t.arn,
                            t.status,
                            t.taskDefinition.arn,
                            t.computedDesiredCount(),
                            t.runningCount(now),
                            t.steady(now)));
        }
    }

    public void makePrimary(String region, String cluster, String service, String id, Instant now) {
        synchronized (lock) {
            find(region, cluster, service)
                    .flatMap(s -> operations.find(s, id, now))
                    .ifPresent(t -> operations.makePrimary(t, now));
        }
    }

    public void deleteTaskSet(String region, String cluster, String service, String id, Instant now) {
        synchronized (lock) {
            find(region, cluster, service)
                    .flatMap(s -> operations.find(s, id, now))
                    .ifPresent(t -> operations.drain(t, now));
        }
    }

    private Optional<ServiceState> find(String region, String cluster, String service) {
        Cluster found = world.clusters.get(world.arn(region, "cluster/" + cluster));
        return found == null ? Optional.empty() : world.findService(found, service);
    }

    private ServiceView view(ServiceState service, Instant now) {
        Optional<TaskSet> primary = operations.live(service, now).stream()
                .filter(t -> t.status.equals("PRIMARY"))
                .findFirst();
        return new ServiceView(
                service.arn,
                service.controller,
                service.status,
                service.desiredCount,
                primary.map(t -> t.taskDefinition.arn).orElse(service.primary().taskDefinition.arn),
                primary.map(t -> t.id).orElse(null));
    }
}
