package dev.ecsdeploy.core.ecr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderChoice;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.JibImage;
import dev.ecsdeploy.core.ecr.UnsupportedDockerfileException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.input.Defaults;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * AUTO's one policy: the Docker CLI when its daemon answers, then podman, then buildah, then Jib when the Dockerfile
 * fits; every choice and every tool passed over is an event saying why.
 */
class BuilderSelectorTest {
    private static final Path CONTEXT = Path.of("/src");
    private static final String SIMPLE_DOCKERFILE =
            "FROM scratch\nCOPY index.html /srv/www/\nENTRYPOINT [\"/srv/start\"]\n";
    private static final String RUNNING_DOCKERFILE = "FROM debian\nRUN apt-get update\n";
    private static final String NO_DAEMON =
            "Cannot connect to the Docker daemon at unix:///dead.sock. Is the docker daemon running?";
    private static final BuildPushRequest DOCKERFILE_BUILD = BuildPushRequest.builder()
            .repository("app")
            .addTag("1")
            .contextDirectory(CONTEXT)
            .build();

    private final List<ProgressEvent> events = new ArrayList<>();

    @Test
    void shouldPassOverDockerWithoutADaemonAndPickPodman() {
        BuilderChoice choice = choose(new Machine(Set.of("docker", "podman", "buildah"), false), DOCKERFILE_BUILD);

        assertThat(choice.kind()).isEqualTo(BuilderKind.PODMAN);
        assertThat(choice.passedOver()).containsExactly("docker: on PATH but its daemon did not answer: " + NO_DAEMON);
        assertThat(messages())
                .containsExactly(
                        "ecr.builder.skipped docker: on PATH but its daemon did not answer: " + NO_DAEMON,
                        "ecr.builder.chosen using podman: on PATH and answers (podman version 4.3.1)");
    }

    @Test
    void shouldPickDockerWhenItsDaemonAnswers() {
        BuilderChoice choice = choose(new Machine(Set.of("docker", "podman"), true), DOCKERFILE_BUILD);

        assertThat(choice.kind()).isEqualTo(BuilderKind.DOCKER);
        assertThat(messages()).containsExactly("ecr.builder.chosen using docker: its daemon answers (server 24.0.7)");
        assertThat(events.get(0).attributes()).containsEntry("builder", "docker");
    }

    @Test
    void shouldPickBuildahWhenItIsTheOnlyTool() {
        BuilderChoice choice = choose(new Machine(Set.of("buildah"), false), DOCKERFILE_BUILD);

        assertThat(choice.kind()).isEqualTo(BuilderKind.BUILDAH);
        assertThat(choice.passedOver()).containsExactly("docker: not on PATH", "podman: not on PATH");
    }

    @Test
    void shouldPassOverAToolThatDoesNotRun() {
        Machine machine = new Machine(Set.of("podman", "buildah"), false).broken("podman");

        BuilderChoice choice = choose(machine, DOCKERFILE_BUILD);

        assertThat(choice.kind()).isEqualTo(BuilderKind.BUILDAH);
        assertThat(choice.passedOver())
                .containsExactly(
                        "docker: not on PATH",
                        "podman: on PATH but 'podman --version' failed: podman: cannot open storage");
    }

    @Test
    void shouldFallBackToJibWhenOnlyADaemonlessDockerIsInstalledAndTheDockerfileFits() {
        BuilderChoice choice = choose(new Machine(Set.of("docker"), false), DOCKERFILE_BUILD);

        assertThat(choice.kind()).isEqualTo(BuilderKind.JIB);
        assertThat(choice.jibImage().baseImage()).isEqualTo("scratch");
        assertThat(choice.jibImage().entrypoint()).containsExactly("/srv/start");
        assertThat(choice.applyTo(DOCKERFILE_BUILD).jibImage()).isEqualTo(choice.jibImage());
        assertThat(messages())
                .containsExactly(
                        "ecr.builder.skipped docker: on PATH but its daemon did not answer: " + NO_DAEMON,
                        "ecr.builder.skipped podman: not on PATH",
                        "ecr.builder.skipped buildah: not on PATH",
                        "ecr.builder.chosen using jib: no container tool answered, and the Dockerfile uses only FROM,"
                                + " COPY, LABEL, ENV, WORKDIR, ENTRYPOINT and CMD, which Jib builds without one");
    }

    @Test
    void shouldListWhyEachBuilderWasPassedOverWhenNoneFits() {
        Machine machine = new Machine(Set.of("docker"), false).withDockerfile(RUNNING_DOCKERFILE);

        assertThatThrownBy(() -> choose(machine, DOCKERFILE_BUILD))
                .isInstanceOf(EcrImageException.class)
                .hasMessage("no image builder fits this build: docker: on PATH but its daemon did not answer: "
                        + NO_DAEMON + "; podman: not on PATH; buildah: not on PATH; jib: cannot build"
                        + " /src/Dockerfile with Jib: 'RUN apt-get update': RUN runs or fetches something. Start the"
                        + " Docker daemon, install podman or buildah, or keep the Dockerfile to FROM, COPY, LABEL,"
                        + " ENV, WORKDIR, ENTRYPOINT and CMD for Jib");
        assertThat(messages()).hasSize(4).last().asString().startsWith("ecr.builder.skipped jib: cannot build");
    }

    @Test
    void shouldStopWaitingForADaemonThatHangs() {
        Machine machine = new Machine(Set.of("docker", "podman"), false).hangingDaemon();

        BuilderChoice choice = choose(machine, DOCKERFILE_BUILD);

        assertThat(choice.kind()).isEqualTo(BuilderKind.PODMAN);
        assertThat(machine.timeouts).contains(Defaults.DOCKER_DAEMON_PROBE_TIMEOUT);
        assertThat(choice.passedOver())
                .containsExactly(
                        "docker: on PATH but its daemon did not answer: docker: no answer within 20 s; stopped");
    }

    @Test
    void shouldPickJibForAJibRequestWithoutContextWithoutProbing() {
        Machine machine = new Machine(Set.of("docker", "podman"), true);
        BuildPushRequest jib = BuildPushRequest.builder()
                .repository("app")
                .addTag("1")
                .jibImage(JibImage.builder().baseImage("scratch").build())
                .build();

        BuilderChoice choice = choose(machine, jib);

        assertThat(choice.kind()).isEqualTo(BuilderKind.JIB);
        assertThat(machine.commands).isEmpty();
        assertThat(messages())
                .containsExactly("ecr.builder.chosen using jib: the request is a Jib image, not a Dockerfile");
    }

    @Test
    void shouldReadTheDockerfileForARequestedJibBuild() {
        BuilderChoice choice = choose(new Machine(Set.of(), false), request(BuilderKind.JIB));

        assertThat(choice.jibImage().layers()).singleElement().satisfies(layer -> {
            assertThat(layer.source()).isEqualTo(CONTEXT.resolve("index.html"));
            assertThat(layer.pathInImage()).isEqualTo("/srv/www/index.html");
        });
        assertThatThrownBy(() -> choose(
                        new Machine(Set.of(), false).withDockerfile(RUNNING_DOCKERFILE), request(BuilderKind.JIB)))
                .isInstanceOf(UnsupportedDockerfileException.class)
                .hasMessageContaining("'RUN apt-get update'");
    }

    @Test
    void shouldRefuseANamedBuilderThatDoesNotAnswerWithTheReason() {
        assertThatThrownBy(() -> choose(new Machine(Set.of(), false), request(BuilderKind.PODMAN)))
                .isInstanceOf(EcrImageException.class)
                .hasMessage("builder podman is not available: podman: not on PATH");
        assertThatThrownBy(() -> choose(new Machine(Set.of("docker"), false), request(BuilderKind.DOCKER)))
                .hasMessage(
                        "builder docker is not available: docker: on PATH but its daemon did not answer: " + NO_DAEMON);
        assertThat(choose(new Machine(Set.of("podman"), false), request(BuilderKind.PODMAN))
                        .reason())
                .isEqualTo("podman: on PATH and answers (podman version 4.3.1); requested");
    }

    private BuilderChoice choose(Machine machine, BuildPushRequest request) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
        return new BuilderSelector(machine, Map.of(), clock).choose(request, events::add);
    }

    private static BuildPushRequest request(BuilderKind kind) {
        return BuildPushRequest.builder()
                .repository("app")
                .addTag("1")
                .contextDirectory(CONTEXT)
                .builderKind(kind)
                .build();
    }

    private List<String> messages() {
        return events.stream().map(e -> e.kind() + " " + e.message()).toList();
    }

    /** A build machine with some tools on its PATH, a Docker daemon that answers or not, and one Dockerfile. */
    private static final class Machine implements CommandRunner {
        private final Set<String> installed;
        private final boolean dockerDaemon;
        private final List<List<String>> commands = new ArrayList<>();
        private final List<Duration> timeouts = new ArrayList<>();
        private String dockerfile = SIMPLE_DOCKERFILE;
        private String broken = "";
        private boolean hanging;

        Machine(Set<String> installed, boolean dockerDaemon) {
            this.installed = installed;
            this.dockerDaemon = dockerDaemon;
        }

        Machine withDockerfile(String text) {
            dockerfile = text;
            return this;
        }

        Machine broken(String tool) {
            broken = tool;
            return this;
        }

        Machine hangingDaemon() {
            hanging = true;
            return this;
        }

        @Override
        public CommandResult run(Command command, Consumer<String> lineConsumer) {
            commands.add(command.argv());
            if (command.timeout() != null) {
                timeouts.add(command.timeout());
            }
            String program = command.program();
            if (program.equals(broken)) {
                return new CommandResult(125, List.of(program + ": cannot open storage"));
            }
            if (program.equals("docker") && command.argv().contains("version")) {
                if (hanging) {
                    return new CommandResult(124, List.of("docker: no answer within 20 s; stopped"));
                }
                return dockerDaemon
                        ? new CommandResult(0, List.of("24.0.7"))
                        : new CommandResult(1, List.of("", NO_DAEMON));
            }
            return new CommandResult(0, List.of(program + " version 4.3.1"));
        }

        @Override
        public boolean isAvailable(String program) {
            return installed.contains(program);
        }

        @Override
        public Path createPrivateDirectory(String prefix) {
            return Path.of("/tmp", prefix);
        }

        @Override
        public void writePrivateFile(Path file, byte[] content) {}

        @Override
        public void deleteRecursively(Path path) {}

        @Override
        public boolean isDirectory(Path path) {
            return path.equals(CONTEXT);
        }

        @Override
        public boolean isRegularFile(Path path) {
            return path.equals(CONTEXT.resolve("Dockerfile"));
        }

        @Override
        public String readString(Path path) {
            return dockerfile;
        }

        @Override
        public InputStream open(Path path) {
            return InputStream.nullInputStream();
        }
    }
}
