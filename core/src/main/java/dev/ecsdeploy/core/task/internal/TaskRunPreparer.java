package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.task.*;
import dev.ecsdeploy.core.task.TaskRunHandle.ContainerSpec;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Turns a {@link TaskRunRequest} into a prepared {@link TaskRunHandle}: resolves the task definition (directly or
 * through a service), checks every name and override against it before anything starts, registers a derived revision
 * when ECS cannot apply a change at run time, resolves the network configuration, and chooses the client token.
 */
public final class TaskRunPreparer {
    private final EcsClient ecs;
    private final AwsConnection connection;
    private final DerivedRevisions derivedRevisions;
    private final InstantSource clock;

    TaskRunPreparer(EcsClient ecs, AwsConnection connection, DerivedRevisions derivedRevisions, InstantSource clock) {
        this.ecs = ecs;
        this.connection = connection;
        this.derivedRevisions = derivedRevisions;
        this.clock = clock;
    }

    TaskRunHandle prepare(TaskRunRequest originalRequest, ProgressListener listener) {
        TaskRunValidation.checkShape(originalRequest);
        Service tdService = originalRequest.taskDefinition() == null
                ? service(originalRequest, originalRequest.taskDefinitionOfService())
                : null;
        String tdRef = tdService == null ? originalRequest.taskDefinition() : tdService.taskDefinition();
        if (tdService == null) {
            requireCluster(originalRequest.cluster());
        }
        TaskDefinition definition = taskDefinition(tdRef, originalRequest);
        TaskRunRequest request = ContainerChoice.resolve(originalRequest, definition);
        TaskRunValidation.checkAgainst(request, definition);
        Service placementSource = placementSource(request, tdService);
        // A derived revision copies the network mode, so the network is checked before it is registered: bad input
        // must fail before anything is changed.
        TaskRunValidation.checkNetwork(resolved(request, definition, placementSource), definition);
        TaskDefinition effective = derivedRevisions.needed(request)
                ? derivedRevisions.register(definition, request, listener)
                : definition;
        TaskRunRequest launch = resolved(request, effective, placementSource);
        List<ContainerSpec> containers = containerSpecs(effective);
        announceUnstreamedLogs(effective, listener);
        return TaskRunHandle.builder()
                .cluster(request.cluster())
                .clientToken(launch.clientToken())
                .launch(launch)
                .containers(containers)
                .build();
    }

    private Service placementSource(TaskRunRequest request, Service tdService) {
        if (request.network() != null) {
            return tdService;
        }
        if (request.networkOfService() != null) {
            return service(request, request.networkOfService());
        }
        return tdService;
    }

    private TaskRunRequest resolved(TaskRunRequest request, TaskDefinition effective, Service placementSource) {
        TaskRunRequest.Builder launch = request.toBuilder()
                .taskDefinition(effective.taskDefinitionArn())
                .taskDefinitionOfService(null)
                .containerImages(Map.of())
                .containerOverrides(runtimeOverrides(request))
                .networkOfService(null)
                .clientToken(
                        request.clientToken() != null
                                ? request.clientToken()
                                : UUID.randomUUID().toString());
        if (request.network() == null && placementSource != null) {
            launch.network(network(placementSource));
        }
        boolean placementGiven = request.launchType() != null
                || !request.capacityProviderStrategy().isEmpty();
        if (!placementGiven && placementSource != null) {
            copyPlacement(placementSource, launch, request.platformVersion() == null);
        }
        return launch.build();
    }

    /** Entry points and secrets were baked into the derived revision; only what RunTask can override remains. */
    private static List<ContainerOverrides> runtimeOverrides(TaskRunRequest request) {
        return request.containerOverrides().stream()
                .map(o -> new ContainerOverrides(
                        o.name(),
                        o.command(),
                        null,
                        o.environment(),
                        Map.of(),
                        o.cpu(),
                        o.memory(),
                        o.memoryReservation()))
                .filter(ContainerOverrides::hasRunTaskOverrides)
                .toList();
    }

    private static NetworkSettings network(Service service) {
        if (service.networkConfiguration() == null
                || service.networkConfiguration().awsvpcConfiguration() == null) {
            return null;
        }
        AwsVpcConfiguration vpc = service.networkConfiguration().awsvpcConfiguration();
        Boolean publicIp = vpc.assignPublicIp() == null ? null : "ENABLED".equals(vpc.assignPublicIpAsString());
        return new NetworkSettings(vpc.subnets(), vpc.securityGroups(), publicIp);
    }

    private static void copyPlacement(Service service, TaskRunRequest.Builder launch, boolean copyPlatform) {
        if (service.hasCapacityProviderStrategy()
                && !service.capacityProviderStrategy().isEmpty()) {
            launch.capacityProviderStrategy(service.capacityProviderStrategy().stream()
                    .map(item ->
                            new CapacityProviderItem(item.capacityProvider(), value(item.weight()), value(item.base())))
                    .toList());
        } else if (service.launchTypeAsString() != null) {
            launch.launchType(service.launchTypeAsString());
        }
        if (copyPlatform && service.platformVersion() != null) {
            launch.platformVersion(service.platformVersion());
        }
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }

    /** A missing cluster is bad input: found out before a derived revision is registered, not by RunTask. */
    private void requireCluster(String cluster) {
        var response = ecs.describeClusters(r -> r.clusters(cluster));
        boolean active = response.clusters().stream().anyMatch(c -> "ACTIVE".equals(c.status()));
        if (!active) {
            String why = response.failures().isEmpty()
                    ? response.clusters().isEmpty()
                            ? "DescribeClusters returned nothing"
                            : "it is " + response.clusters().get(0).status()
                    : response.failures().get(0).reason();
            throw new TaskRunException("cluster " + cluster + " not found: " + why);
        }
    }

    private Service service(TaskRunRequest request, String name) {
        DescribeServicesResponse response;
        try {
            response = ecs.describeServices(r -> r.cluster(request.cluster()).services(name));
        } catch (ClusterNotFoundException e) {
            throw new TaskRunException(
                    "cluster " + request.cluster() + " not found: "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        }
        if (!response.hasServices() || response.services().isEmpty()) {
            String why = response.failures().isEmpty()
                    ? "DescribeServices returned nothing"
                    : response.failures().get(0).reason();
            throw new TaskRunException("service " + name + " not found in cluster " + request.cluster() + ": " + why);
        }
        Service service = response.services().get(0);
        if ("INACTIVE".equals(service.status())) {
            throw new TaskRunException("service " + name + " in cluster " + request.cluster()
                    + " is INACTIVE: it was deleted; name an active service or a task definition");
        }
        return service;
    }

    private TaskDefinition taskDefinition(String reference, TaskRunRequest request) {
        TaskDefinition definition;
        try {
            definition =
                    ecs.describeTaskDefinition(r -> r.taskDefinition(reference)).taskDefinition();
        } catch (ClientException e) {
            throw new TaskRunException(
                    "task definition " + reference + " not found: "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        }
        if ("INACTIVE".equals(definition.statusAsString())) {
            throw new TaskRunException(
                    "task definition " + TaskVerdict.family(definition.taskDefinitionArn())
                            + " is INACTIVE: ECS runs no new tasks from a deregistered revision; register it again or run a newer one");
        }
        return definition;
    }

    List<ContainerSpec> containerSpecs(TaskDefinition definition) {
        List<ContainerSpec> specs = new ArrayList<>();
        for (ContainerDefinition container : definition.containerDefinitions()) {
            boolean essential = container.essential() == null || container.essential();
            LogConfiguration logs = container.logConfiguration();
            if (LogTargets.streamable(logs)) {
                Map<String, String> options = logs.options();
                String region = options.getOrDefault(
                        "awslogs-region", connection.region().id());
                specs.add(new ContainerSpec(
                        container.name(),
                        essential,
                        options.get("awslogs-group"),
                        region,
                        options.get("awslogs-stream-prefix")));
            } else {
                specs.add(new ContainerSpec(container.name(), essential, null, null, null));
            }
        }
        return specs;
    }

    private void announceUnstreamedLogs(TaskDefinition definition, ProgressListener listener) {
        for (ContainerDefinition container : definition.containerDefinitions()) {
            String why = LogTargets.whyNotStreamed(container.logConfiguration());
            if (why != null) {
                listener.onEvent(ProgressEvent.warning(
                                clock.instant(),
                                EventKinds.TASK_LOG,
                                "logs of container " + container.name() + " are not streamed: " + why)
                        .withAttribute("container", container.name()));
            }
        }
    }

    static Set<String> containerNames(TaskDefinition definition) {
        return definition.containerDefinitions().stream()
                .map(ContainerDefinition::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
