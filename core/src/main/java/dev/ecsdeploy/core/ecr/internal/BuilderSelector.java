package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderChoice;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.BuilderPolicy;
import dev.ecsdeploy.core.ecr.DockerfileJib;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.JibImage;
import dev.ecsdeploy.core.ecr.UnsupportedDockerfileException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.input.Defaults;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link BuilderPolicy}: probes the tools in AUTO's order through the {@link CommandRunner} (so the PATH is the
 * build machine's), and creates the {@link ImageBuilder} for the choice.
 */
public final class BuilderSelector implements BuilderPolicy {
    static final String CHOSEN = EventKinds.ECR_BUILDER_CHOSEN;
    static final String SKIPPED = EventKinds.ECR_BUILDER_SKIPPED;
    private static final List<BuilderKind> CONTAINER_TOOLS =
            List.of(BuilderKind.DOCKER, BuilderKind.PODMAN, BuilderKind.BUILDAH);

    private final CommandRunner runner;
    private final Map<String, String> toolEnvironment;
    private final Clock clock;
    private final Duration probeTimeout;

    public BuilderSelector(CommandRunner runner, Map<String, String> toolEnvironment, Clock clock) {
        this(runner, toolEnvironment, clock, Defaults.DOCKER_DAEMON_PROBE_TIMEOUT);
    }

    BuilderSelector(CommandRunner runner, Map<String, String> toolEnvironment, Clock clock, Duration probeTimeout) {
        this.runner = runner;
        this.toolEnvironment = Map.copyOf(toolEnvironment);
        this.clock = clock;
        this.probeTimeout = probeTimeout;
    }

    @Override
    public BuilderChoice choose(BuildPushRequest request, ProgressListener listener) {
        BuilderChoice choice = request.builderKind() == BuilderKind.AUTO ? auto(request, listener) : named(request);
        listener.onEvent(ProgressEvent.info(clock.instant(), CHOSEN, "using " + choice.reason())
                .withAttribute("builder", choice.kind().id()));
        return choice;
    }

    /** The builder that carries out {@code choice}. */
    ImageBuilder builder(BuilderChoice choice) {
        return switch (choice.kind()) {
            case DOCKER -> new DockerCliBuilder(runner, toolEnvironment);
            case PODMAN -> new PodmanBuilder(runner);
            case BUILDAH -> new BuildahBuilder(runner);
            case JIB, AUTO -> new JibBuilder();
        };
    }

    private BuilderChoice auto(BuildPushRequest request, ProgressListener listener) {
        if (request.jibImage() != null && request.contextDirectory() == null) {
            return new BuilderChoice(
                    BuilderKind.JIB,
                    "jib: the request is a Jib image, not a Dockerfile",
                    List.of(),
                    request.jibImage());
        }
        List<String> passedOver = new ArrayList<>();
        for (BuilderKind kind : CONTAINER_TOOLS) {
            Probe probe = probe(kind);
            if (probe.usable()) {
                return new BuilderChoice(kind, probe.reason(), passedOver, null);
            }
            skip(probe.reason(), passedOver, listener);
        }
        Optional<JibImage> jib = jibImage(request, passedOver, listener);
        if (jib.isPresent()) {
            return new BuilderChoice(
                    BuilderKind.JIB,
                    "jib: no container tool answered, and the Dockerfile uses only " + DockerfileJib.SUPPORTED
                            + ", which Jib builds without one",
                    passedOver,
                    jib.get());
        }
        throw new EcrImageException("no image builder fits this build: " + String.join("; ", passedOver)
                + ". Start the Docker daemon, install podman or buildah, or keep the Dockerfile to "
                + DockerfileJib.SUPPORTED + " for Jib");
    }

    private BuilderChoice named(BuildPushRequest request) {
        BuilderKind kind = request.builderKind();
        if (kind == BuilderKind.JIB) {
            JibImage image = request.jibImage() != null ? request.jibImage() : readDockerfile(request);
            return new BuilderChoice(kind, "jib: requested", List.of(), image);
        }
        Probe probe = probe(kind);
        if (!probe.usable()) {
            throw new EcrImageException("builder " + kind.id() + " is not available: " + probe.reason());
        }
        return new BuilderChoice(kind, probe.reason() + "; requested", List.of(), null);
    }

    private void skip(String reason, List<String> passedOver, ProgressListener listener) {
        passedOver.add(reason);
        listener.onEvent(ProgressEvent.info(clock.instant(), SKIPPED, reason));
    }

    private Optional<JibImage> jibImage(BuildPushRequest request, List<String> passedOver, ProgressListener listener) {
        if (request.jibImage() != null) {
            return Optional.of(request.jibImage());
        }
        try {
            return Optional.of(readDockerfile(request));
        } catch (UnsupportedDockerfileException e) {
            skip("jib: " + e.getMessage(), passedOver, listener);
            return Optional.empty();
        }
    }

    private JibImage readDockerfile(BuildPushRequest request) {
        Path dockerfile = request.effectiveDockerfile();
        if (dockerfile == null || !runner.isRegularFile(dockerfile)) {
            throw new UnsupportedDockerfileException("Dockerfile " + dockerfile + " not found: give the Dockerfile"
                    + " path, or put a Dockerfile in the context directory");
        }
        return DockerfileJib.parse(runner.readString(dockerfile), dockerfile, request.contextDirectory());
    }

    /** Whether a container tool can build here, and the one-line reason either way. */
    private record Probe(boolean usable, String reason) {}

    private Probe probe(BuilderKind kind) {
        String tool = kind.id();
        if (!runner.isAvailable(tool)) {
            return new Probe(false, tool + ": not on PATH");
        }
        if (kind == BuilderKind.DOCKER) {
            // The Docker CLI alone builds nothing: it needs a daemon (Docker Engine, or podman's service).
            CommandResult server = run(List.of(tool, "version", "--format", "{{.Server.Version}}"));
            return server.succeeded()
                    ? new Probe(true, "docker: its daemon answers (server " + firstLine(server) + ")")
                    : new Probe(false, "docker: on PATH but its daemon did not answer: " + lastLine(server));
        }
        CommandResult version = run(List.of(tool, "--version"));
        return version.succeeded()
                ? new Probe(true, tool + ": on PATH and answers (" + firstLine(version) + ")")
                : new Probe(false, tool + ": on PATH but '" + tool + " --version' failed: " + lastLine(version));
    }

    private CommandResult run(List<String> argv) {
        return runner.run(Command.of(argv).withEnvironment(toolEnvironment).withTimeout(probeTimeout));
    }

    private static String firstLine(CommandResult result) {
        return result.outputLines().stream()
                .filter(line -> !line.isBlank())
                .findFirst()
                .map(String::strip)
                .orElse("no output");
    }

    private static String lastLine(CommandResult result) {
        return result.outputLines().stream()
                .filter(line -> !line.isBlank())
                .reduce((first, second) -> second)
                .map(String::strip)
                .orElse("exit code " + result.exitCode());
    }
}
