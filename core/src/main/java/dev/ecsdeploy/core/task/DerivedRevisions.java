package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Registers a derived revision of a task definition for changes ECS cannot make at run time: a replaced image
 * (pinned by digest, looked up with ECR DescribeImages, so the run records bytes rather than a tag), an entry point
 * (RunTask's {@code ContainerOverride} has no entryPoint) and secrets (it has no secrets either).
 */
final class DerivedRevisions {
    private static final Pattern ECR_HOST =
            Pattern.compile("^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?$");

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
        TaskDefinition registered =
                ecs.registerTaskDefinition(copy(base, containers)).taskDefinition();
        listener.onEvent(ProgressEvent.info(
                        clock.instant(),
                        "task.revision",
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
        if (image.contains("@sha256:")) {
            return image;
        }
        ImageName name = ImageName.parse(image);
        Optional<AwsConnection> registry = ecrConnection(name.registry());
        if (registry.isEmpty()) {
            listener.onEvent(ProgressEvent.warning(
                    clock.instant(),
                    "task.revision",
                    "image " + image + " is not pinned by digest: it is not in ECR, so its tag is registered as is"));
            return image;
        }
        return name.registry() + "/" + name.repository() + "@" + digest(registry.get(), name);
    }

    private String digest(AwsConnection registry, ImageName name) {
        EcrClient ecr = clients.ecr(registry);
        Matcher ecrHost = ECR_HOST.matcher(name.registry());
        try {
            DescribeImagesResponse response = ecr.describeImages(r -> {
                r.repositoryName(name.repository()).imageIds(id -> id.imageTag(name.tag()));
                if (ecrHost.matches()) {
                    r.registryId(ecrHost.group(1));
                }
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
        Matcher ecrHost = ECR_HOST.matcher(registry);
        if (ecrHost.matches()) {
            return Optional.of(connection.withRegion(software.amazon.awssdk.regions.Region.of(ecrHost.group(2))));
        }
        boolean ownEndpoint = connection
                .endpointOverride()
                .map(uri -> registry.equals(uri.getAuthority()))
                .orElse(false);
        return ownEndpoint ? Optional.of(connection) : Optional.empty();
    }

    private static RegisterTaskDefinitionRequest copy(TaskDefinition base, List<ContainerDefinition> containers) {
        return RegisterTaskDefinitionRequest.builder()
                .family(base.family())
                .taskRoleArn(base.taskRoleArn())
                .executionRoleArn(base.executionRoleArn())
                .networkMode(base.networkModeAsString())
                .containerDefinitions(containers)
                .volumes(base.volumes())
                .placementConstraints(base.placementConstraints())
                .requiresCompatibilitiesWithStrings(base.requiresCompatibilitiesAsStrings())
                .cpu(base.cpu())
                .memory(base.memory())
                .pidMode(base.pidModeAsString())
                .ipcMode(base.ipcModeAsString())
                .proxyConfiguration(base.proxyConfiguration())
                .inferenceAccelerators(base.inferenceAccelerators())
                .ephemeralStorage(base.ephemeralStorage())
                .runtimePlatform(base.runtimePlatform())
                .enableFaultInjection(base.enableFaultInjection())
                .build();
    }

    /** An image reference split into registry, repository and tag. */
    record ImageName(String registry, String repository, String tag) {
        static ImageName parse(String image) {
            int slash = image.indexOf('/');
            String first = slash < 0 ? "" : image.substring(0, slash);
            boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
            String registry = hasRegistry ? first : "docker.io";
            String rest = hasRegistry ? image.substring(slash + 1) : image;
            int colon = rest.lastIndexOf(':');
            boolean tagged = colon > rest.lastIndexOf('/');
            return new ImageName(
                    registry, tagged ? rest.substring(0, colon) : rest, tagged ? rest.substring(colon + 1) : "latest");
        }

        @Override
        public String toString() {
            return registry + "/" + repository + ":" + tag;
        }
    }
}
