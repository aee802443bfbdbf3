package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.EcrRegistryHost;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.spec.ImageName;
import dev.ecsdeploy.core.spec.TaskDefinitionSpec;
import dev.ecsdeploy.core.task.*;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Registers a derived revision of a task definition for changes ECS cannot make at run time: a replaced image
 * (pinned by digest, looked up with ECR DescribeImages, so the run records bytes rather than a tag), an entry point
 * (RunTask's {@code ContainerOverride} has no entryPoint) and secrets (it has no secrets either).
 */
public final class DerivedRevisions {
    private final EcsClient ecs;
    private final AwsClients clients;
    private final AwsConnection connection;
    private final InstantSource clock;

    DerivedRevisions(EcsClient ecs, AwsClients clients, AwsConnection connection, InstantSource clock) {
        this.ecs = ecs;
        this.clients = clients;
        this.connection = connection;
        this.clock = clock;
    }

    boolean needed(TaskRunRequest request) {
        return !request.containerImages().isEmpty()
                || request.containerOverrides().stream().anyMatch(ContainerOverrides::needsDerivedRevision);
    }

    TaskDefinition register(TaskDefinition base, TaskRunRequest request, ProgressListener listener) {
        List<String> changes = new ArrayList<>();
        List<ContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition container : base.containerDefinitions()) {
            containers.add(derive(container, request, changes, listener));
        }
        TaskDefinition derived =
                base.toBuilder().containerDefinitions(containers).build();
        TaskDefinition registered = ecs.registerTaskDefinition(
                        TaskDefinitionSpec.fromDescribed(derived, List.of()).request())
                .taskDefinition();
        listener.onEvent(ProgressEvent.info(
                        clock.instant(),
                        EventKinds.TASK_REVISION,
                        "registered " + TaskVerdict.family(registered.taskDefinitionArn()) + " from "
                                + TaskVerdict.family(base.taskDefinitionArn()) + ": " + String.join(", ", changes))
                .withAttribute("taskDefinitionArn", registered.taskDefinitionArn()));
        return registered;
    }

    private ContainerDefinition derive(
            ContainerDefinition container, TaskRunRequest request, List<String> changes, ProgressListener listener) {
        ContainerDefinition.Builder derived = container.toBuilder();
        String image = request.containerImages().get(container.name());
        if (image != null) {
            String pinned = pin(image, listener);
            derived.image(pinned);
            changes.add("image of " + container.name() + " = " + pinned);
        }
        Optional<ContainerOverrides> overrides = request.containerOverrides().stream()
                .filter(o -> o.name().equals(container.name()))
                .findFirst();
        overrides.filter(o -> o.entryPoint() != null).ifPresent(o -> {
            derived.entryPoint(o.entryPoint());
            changes.add("entry point of " + container.name());
        });
        overrides.filter(o -> !o.secrets().isEmpty()).ifPresent(o -> {
            derived.secrets(mergedSecrets(container, o.secrets()));
            changes.add("secrets " + o.secrets().keySet() + " of " + container.name());
        });
        return derived.build();
    }

    private static List<Secret> mergedSecrets(ContainerDefinition container, Map<String, String> replacements) {
        Map<String, String> merged = new LinkedHashMap<>();
        container.secrets().forEach(s -> merged.put(s.name(), s.valueFrom()));
        merged.putAll(replacements);
        return merged.entrySet().stream()
                .map(e -> Secret.builder()
                        .name(e.getKey())
                        .valueFrom(e.getValue())
                        .build())
                .toList();
    }

    /** Returns {@code image} pinned by digest when it lives in ECR; other registries keep their tag, with a warning. */
    String pin(String image, ProgressListener listener) {
        ImageName name = ImageName.parse(image);
        if (name.isPinned()) {
            return image;
        }
        Optional<AwsConnection> registry = ecrConnection(name.host());
        if (registry.isEmpty()) {
            listener.onEvent(ProgressEvent.warning(
                    clock.instant(),
                    EventKinds.TASK_REVISION,
                    "image " + image + " is not pinned by digest: it is not in ECR, so its tag is registered as is"));
            return image;
        }
        return name.withDigest(digest(registry.get(), name)).toString();
    }

    private String digest(AwsConnection registry, ImageName name) {
        EcrClient ecr = clients.ecr(registry);
        Optional<EcrRegistryHost> ecrHost = EcrRegistryHost.parse(name.host());
        String tag = name.tag() == null ? "latest" : name.tag();
        try {
            DescribeImagesResponse response = ecr.describeImages(r -> {
                r.repositoryName(name.repository()).imageIds(id -> id.imageTag(tag));
                ecrHost.ifPresent(host -> r.registryId(host.accountId()));
            });
            return response.imageDetails().get(0).imageDigest();
        } catch (EcrException e) {
            throw new TaskRunException(
                    "image " + name + " not found in ECR: "
                            + e.awsErrorDetails().errorMessage(),
                    e);
        }
    }

    /** ECR hosts name their region; the connection's own endpoint override (the emulator's registry) is ECR too. */
    private Optional<AwsConnection> ecrConnection(String registry) {
        Optional<EcrRegistryHost> ecrHost = EcrRegistryHost.parse(registry);
        if (ecrHost.isPresent()) {
            return Optional.of(connection.withRegion(
                    software.amazon.awssdk.regions.Region.of(ecrHost.get().region())));
        }
        boolean ownEndpoint = connection
                .endpointOverride()
                .map(uri -> registry.equals(uri.getAuthority()))
                .orElse(false);
        return ownEndpoint ? Optional.of(connection) : Optional.empty();
    }
}
