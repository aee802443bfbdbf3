package dev.ecsdeploy.core.ecr;

import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.internal.BuilderSelector;
import dev.ecsdeploy.core.event.ProgressListener;
import java.time.Clock;
import java.util.Map;

/**
 * Chooses the image builder, one policy for every front end. {@link BuilderKind#AUTO} takes the first that fits:
 *
 * <ol>
 *   <li>the Docker CLI, when its daemon answers {@code docker version} within {@link
 *       dev.ecsdeploy.core.input.Defaults#DOCKER_DAEMON_PROBE_TIMEOUT} (a Docker CLI alone builds nothing);
 *   <li>podman, when {@code podman --version} runs;
 *   <li>buildah, when {@code buildah --version} runs;
 *   <li>Jib, when the Dockerfile uses only what Jib can express ({@link DockerfileJib#SUPPORTED}).
 * </ol>
 *
 * <p>A request that carries a {@link JibImage} and no build context goes to Jib directly. A named builder is checked
 * the same way and refused with the reason when it does not answer. Every choice and every tool passed over is a
 * progress event ({@code ecr.builder.chosen}, {@code ecr.builder.skipped}) saying why; when nothing fits, the
 * {@link EcrImageException} lists why each was passed over. Choosing runs only probes: nothing is built.
 */
public interface BuilderPolicy {
    /** The policy probing tools through {@code runner}, with {@code toolEnvironment} (e.g. DOCKER_HOST) added. */
    static BuilderPolicy create(CommandRunner runner, Map<String, String> toolEnvironment, Clock clock) {
        return new BuilderSelector(runner, toolEnvironment, clock);
    }

    /** Chooses the builder for {@code request}, telling {@code listener} why at each step. */
    BuilderChoice choose(BuildPushRequest request, ProgressListener listener);
}
