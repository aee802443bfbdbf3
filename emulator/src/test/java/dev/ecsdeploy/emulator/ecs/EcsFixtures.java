package dev.ecsdeploy.emulator.ecs;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Task;

/** Small builders shared by the ECS tests. */
final class EcsFixtures {
    private EcsFixtures() {}

    static String cluster(EcsClient ecs, String name) {
        return ecs.createCluster(r -> r.clusterName(name)).cluster().clusterArn();
    }

    static String taskDefinition(EcsClient ecs, String family, String image) {
        return ecs.registerTaskDefinition(r ->
                        r.family(family).networkMode(NetworkMode.BRIDGE).containerDefinitions(container("app", image)))
                .taskDefinition()
                .taskDefinitionArn();
    }

    static ContainerDefinition container(String name, String image) {
        return ContainerDefinition.builder()
                .name(name)
                .image(image)
                .essential(true)
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(java.util.Map.of(
                                "awslogs-group", "/ecs/" + name,
                                "awslogs-stream-prefix", "ecs",
                                "awslogs-create-group", "true")))
                .build();
    }

    static Service createService(
            EcsClient ecs,
            String cluster,
            String name,
            String taskDefinition,
            int desired,
            java.util.function.Consumer<DeploymentConfiguration.Builder> configuration) {
        return ecs.createService(r -> r.cluster(cluster)
                        .serviceName(name)
                        .taskDefinition(taskDefinition)
                        .desiredCount(desired)
                        .launchType(LaunchType.EC2)
                        .deploymentConfiguration(configuration))
                .service();
    }

    static Service service(EcsClient ecs, String cluster, String name) {
        return ecs.describeServices(r -> r.cluster(cluster).services(name))
                .services()
                .get(0);
    }

    /** Advances one second at a time until {@code done} holds, failing after {@code limit}. */
    static void advanceUntil(
            dev.ecsdeploy.emulator.Emulator emulator,
            java.time.Duration limit,
            java.util.function.BooleanSupplier done) {
        java.time.Instant deadline = emulator.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (emulator.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached within " + limit);
            }
            emulator.advance(java.time.Duration.ofSeconds(1));
        }
    }

    static boolean steadyOn(EcsClient ecs, String cluster, String name, String taskDefinition) {
        Service service = service(ecs, cluster, name);
        return service.deployments().size() == 1
                && service.deployments().get(0).taskDefinition().equals(taskDefinition)
                && service.deployments().get(0).rolloutState() == DeploymentRolloutState.COMPLETED
                && service.runningCount() == service.desiredCount();
    }

    static Task describe(EcsClient ecs, String cluster, String taskArn) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().get(0);
    }

    static List<Task> describe(EcsClient ecs, String cluster, List<String> taskArns) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArns)).tasks();
    }
}
