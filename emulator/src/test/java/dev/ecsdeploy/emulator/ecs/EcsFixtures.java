package dev.ecsdeploy.emulator.ecs;

import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
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

    static Task describe(EcsClient ecs, String cluster, String taskArn) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks().get(0);
    }

    static List<Task> describe(EcsClient ecs, String cluster, List<String> taskArns) {
        return ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArns)).tasks();
    }
}
