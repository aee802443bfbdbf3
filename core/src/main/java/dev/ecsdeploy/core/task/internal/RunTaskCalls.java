package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.task.*;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * Builds the RunTask call from a prepared handle alone. The same handle always produces the same request, which is
 * what ECS idempotency needs: a repeated call with the same token and parameters returns the original tasks, while
 * changed parameters would be refused with ConflictException.
 */
public final class RunTaskCalls {
    private RunTaskCalls() {}

    public static RunTaskRequest request(TaskRunHandle handle) {
        TaskRunRequest launch = handle.launch();
        RunTaskRequest.Builder call = RunTaskRequest.builder()
                .cluster(launch.cluster())
                .taskDefinition(launch.taskDefinition())
                .count(launch.count())
                .clientToken(handle.clientToken())
                .startedBy(launch.startedBy())
                .group(launch.group())
                .platformVersion(launch.platformVersion())
                .enableExecuteCommand(launch.enableExecuteCommand())
                .propagateTags(launch.propagateTags())
                .overrides(overrides(launch));
        if (launch.launchType() != null) {
            call.launchType(launch.launchType());
        }
        if (!launch.capacityProviderStrategy().isEmpty()) {
            call.capacityProviderStrategy(capacityProviders(launch.capacityProviderStrategy()));
        }
        if (launch.network() != null) {
            call.networkConfiguration(network(launch.network()));
        }
        if (!launch.tags().isEmpty()) {
            call.tags(launch.tags().entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                    .toList());
        }
        return call.build();
    }

    private static TaskOverride overrides(TaskRunRequest launch) {
        boolean none = launch.containerOverrides().isEmpty()
                && launch.taskCpu() == null
                && launch.taskMemory() == null
                && launch.taskRoleArn() == null
                && launch.executionRoleArn() == null;
        if (none) {
            return null;
        }
        TaskOverride.Builder overrides = TaskOverride.builder()
                .cpu(launch.taskCpu())
                .memory(launch.taskMemory())
                .taskRoleArn(launch.taskRoleArn())
                .executionRoleArn(launch.executionRoleArn());
        if (!launch.containerOverrides().isEmpty()) {
            overrides.containerOverrides(launch.containerOverrides().stream()
                    .map(RunTaskCalls::container)
                    .toList());
        }
        return overrides.build();
    }

    private static ContainerOverride container(ContainerOverrides o) {
        ContainerOverride.Builder container = ContainerOverride.builder()
                .name(o.name())
                .cpu(o.cpu())
                .memory(o.memory())
                .memoryReservation(o.memoryReservation());
        if (o.command() != null) {
            container.command(o.command());
        }
        if (!o.environment().isEmpty()) {
            container.environment(o.environment().entrySet().stream()
                    .map(e -> KeyValuePair.builder()
                            .name(e.getKey())
                            .value(e.getValue())
                            .build())
                    .toList());
        }
        return container.build();
    }

    private static List<CapacityProviderStrategyItem> capacityProviders(List<CapacityProviderItem> items) {
        return items.stream()
                .map(i -> CapacityProviderStrategyItem.builder()
                        .capacityProvider(i.capacityProvider())
                        .weight(i.weight())
                        .base(i.base())
                        .build())
                .toList();
    }

    private static NetworkConfiguration network(NetworkSettings network) {
        AwsVpcConfiguration.Builder vpc =
                AwsVpcConfiguration.builder().subnets(network.subnets()).securityGroups(network.securityGroups());
        if (network.assignPublicIp() != null) {
            vpc.assignPublicIp(network.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED);
        }
        return NetworkConfiguration.builder().awsvpcConfiguration(vpc.build()).build();
    }
}
