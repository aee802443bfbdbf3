package dev.ecsdeploy.core.internal.ecr;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.util.List;
import java.util.Map;

/**
 * Picks the builder. {@code AUTO} takes Jib for a request with a Jib image and no build context, otherwise the first
 * of the Docker CLI (only when its daemon answers), podman and buildah that is available.
 */
final class BuilderSelector {
    private final CommandRunner runner;
    private final Map<String, String> toolEnvironment;

    BuilderSelector(CommandRunner runner, Map<String, String> toolEnvironment) {
        this.runner = runner;
        this.toolEnvironment = toolEnvironment;
    }

    ImageBuilder select(BuildPushRequest request) {
        return switch (request.builderKind()) {
            case AUTO -> auto(request);
            case JIB -> new JibBuilder();
            default -> requireAvailable(create(request.builderKind()), request.builderKind());
        };
    }

    private ImageBuilder auto(BuildPushRequest request) {
        if (request.jibImage() != null && request.contextDirectory() == null) {
            return new JibBuilder();
        }
        for (BuilderKind kind : List.of(BuilderKind.DOCKER, BuilderKind.PODMAN, BuilderKind.BUILDAH)) {
            ImageBuilder builder = create(kind);
            if (isUsable(kind, builder)) {
                return builder;
            }
        }
        throw new EcrImageException("no image builder available: none of docker (with a reachable daemon), podman"
                + " or buildah could be started; install one, or build with Jib");
    }

    private ImageBuilder requireAvailable(ImageBuilder builder, BuilderKind kind) {
        if (!isUsable(kind, builder)) {
            throw new EcrImageException("builder " + kind.id() + " is not available: " + kind.id()
                    + (kind == BuilderKind.DOCKER
                            ? " is not installed or its daemon does not answer"
                            : " is not installed")
                    + " on the build machine");
        }
        return builder;
    }

    private boolean isUsable(BuilderKind kind, ImageBuilder builder) {
        if (!builder.isAvailable()) {
            return false;
        }
        // The Docker CLI alone is not enough: it needs a daemon (Docker Engine or podman's service).
        return kind != BuilderKind.DOCKER
                || runner.run(Command.of(List.of("docker", "version", "--format", "{{.Server.Version}}"))
                                .withEnvironment(toolEnvironment))
                        .succeeded();
    }

    private ImageBuilder create(BuilderKind kind) {
        return switch (kind) {
            case DOCKER -> new DockerCliBuilder(runner, toolEnvironment);
            case PODMAN -> new PodmanBuilder(runner);
            case BUILDAH -> new BuildahBuilder(runner);
            case JIB, AUTO -> new JibBuilder();
        };
    }
}
