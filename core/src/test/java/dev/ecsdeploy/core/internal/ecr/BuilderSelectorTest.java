package dev.ecsdeploy.core.internal.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.JibImage;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** AUTO takes the first usable builder; the Docker CLI is usable only when its daemon answers. */
class BuilderSelectorTest {
    private static final BuildPushRequest DOCKERFILE_BUILD = BuildPushRequest.builder()
            .repository("app")
            .addTag("1")
            .contextDirectory(Path.of("/src"))
            .build();

    @Test
    void shouldSkipDockerWithoutADaemonAndPickPodman() {
        BuilderSelector selector =
                new BuilderSelector(new Machine(Set.of("docker", "podman", "buildah"), false), Map.of());

        assertThat(selector.select(DOCKERFILE_BUILD).name()).isEqualTo("podman");
    }

    @Test
    void shouldPickDockerWhenItsDaemonAnswers() {
        BuilderSelector selector = new BuilderSelector(new Machine(Set.of("docker", "podman"), true), Map.of());

        assertThat(selector.select(DOCKERFILE_BUILD).name()).startsWith("docker");
    }

    @Test
    void shouldPickBuildahWhenItIsTheOnlyTool() {
        BuilderSelector selector = new BuilderSelector(new Machine(Set.of("buildah"), false), Map.of());

        assertThat(selector.select(DOCKERFILE_BUILD).name()).isEqualTo("buildah");
    }

    @Test
    void shouldPickJibForAJibRequestWithoutContext() {
        BuilderSelector selector = new BuilderSelector(new Machine(Set.of(), false), Map.of());
        BuildPushRequest jib = BuildPushRequest.builder()
                .repository("app")
                .addTag("1")
                .jibImage(JibImage.builder().build())
                .build();

        assertThat(selector.select(jib).name()).isEqualTo("jib");
    }

    @Test
    void shouldSayWhenNoBuilderIsAvailable() {
        BuilderSelector selector = new BuilderSelector(new Machine(Set.of(), false), Map.of());

        assertThatThrownBy(() -> selector.select(DOCKERFILE_BUILD))
                .isInstanceOf(EcrImageException.class)
                .hasMessageStartingWith("no image builder available: ");
        assertThatThrownBy(() -> selector.select(BuildPushRequest.builder()
                        .repository("app")
                        .addTag("1")
                        .builderKind(BuilderKind.PODMAN)
                        .build()))
                .hasMessage("builder podman is not available: podman is not installed on the build machine");
    }

    /** A build machine with some tools installed and a Docker daemon that answers or not. */
    private record Machine(Set<String> installed, boolean dockerDaemon) implements CommandRunner {
        @Override
        public CommandResult run(Command command, Consumer<String> lineConsumer) {
            boolean daemonCall =
                    command.argv().contains("version") && command.program().equals("docker");
            boolean ok = installed.contains(command.program()) && (!daemonCall || dockerDaemon);
            return new CommandResult(ok ? 0 : 1, List.of());
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
            return true;
        }

        @Override
        public boolean isRegularFile(Path path) {
            return true;
        }

        @Override
        public String readString(Path path) {
            return "";
        }

        @Override
        public InputStream open(Path path) {
            return InputStream.nullInputStream();
        }
    }
}
