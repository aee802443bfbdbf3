package dev.ecsdeploy.core.ecr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuildSecret;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The argument vectors builders produce: every option a separate argument, secrets as secrets, never a token. */
class BuilderCommandLineTest {
    private final FakeRunner runner = new FakeRunner();

    @Test
    void shouldPassEveryOptionAsItsOwnArgumentAndSecretsAsSecrets() {
        BuildPushRequest request = BuildPushRequest.builder()
                .repository("app")
                .addTag("1.0")
                .contextDirectory(Path.of("/src"))
                .dockerfile(Path.of("docker/Dockerfile"))
                .putBuildArg("VERSION", "1.0")
                .target("runtime")
                .platforms(List.of("linux/amd64"))
                .addCacheFrom("type=registry,ref=cache")
                .noCache(true)
                .pull(true)
                .addSecret(BuildSecret.file("npmrc", "/home/ci/.npmrc"))
                .addSecret(BuildSecret.env("token", "NPM_TOKEN"))
                .extraArgs(List.of("--isolation", "chroot"))
                .revision("abc123")
                .created(Instant.parse("2026-01-01T00:00:00Z"))
                .build();

        List<String> argv = new PodmanBuilder(runner).buildArgv(context(request), Path.of("/work/iid"));

        assertThat(argv).startsWith("podman", "build", "--file", "/src/docker/Dockerfile", "--iidfile", "/work/iid");
        assertThat(argv)
                .containsSequence("--tag", "reg/app:1.0")
                .containsSequence("--build-arg", "VERSION=1.0")
                .containsSequence("--target", "runtime")
                .containsSequence("--platform", "linux/amd64")
                .containsSequence("--cache-from", "type=registry,ref=cache")
                .containsSequence("--secret", "id=npmrc,src=/home/ci/.npmrc")
                .containsSequence("--secret", "id=token,env=NPM_TOKEN")
                .containsSequence("--label", "org.opencontainers.image.revision=abc123")
                .containsSequence("--label", "org.opencontainers.image.created=2026-01-01T00:00:00Z")
                .containsSequence("--isolation", "chroot")
                .containsSequence("--timestamp", "1767225600")
                .contains("--no-cache", "--pull")
                .endsWith("/src");
        assertThat(argv).noneMatch(arg -> arg.contains("NPM_TOKEN=") || arg.contains("s3cret"));
    }

    @Test
    void shouldRejectBuildKitFeaturesWhenDockerHasNoBuildx() {
        runner.failing.add("buildx");
        DockerCliBuilder docker = new DockerCliBuilder(runner, Map.of());
        BuildPushRequest request = BuildPushRequest.builder()
                .repository("app")
                .addTag("1")
                .contextDirectory(Path.of("/src"))
                .addSecret(BuildSecret.env("token", "NPM_TOKEN"))
                .addCacheTo("type=local,dest=/cache")
                .build();

        assertThatThrownBy(() -> docker.validate(request))
                .isInstanceOf(EcrImageException.class)
                .hasMessageStartingWith("cannot build with the Docker CLI: cache export (--cache-to), build secrets")
                .hasMessageContaining("docker buildx is not installed");
    }

    @Test
    void shouldUseBuildxWithTimestampRewritingWhenPresent() {
        DockerCliBuilder docker = new DockerCliBuilder(runner, Map.of());
        BuildPushRequest request = BuildPushRequest.builder()
                .repository("app")
                .addTag("1")
                .contextDirectory(Path.of("/src"))
                .build();

        assertThat(docker.buildArgv(context(request), Path.of("/w/iid")))
                .startsWith("docker", "buildx", "build", "--output", "type=docker,rewrite-timestamp=true")
                .containsSequence("--build-arg", "SOURCE_DATE_EPOCH=0");
        assertThat(docker.name()).isEqualTo("docker-buildx");
    }

    @Test
    void shouldHidePasswordsInStringForms() {
        RegistryCredential credential = RegistryCredential.fromToken(
                java.util.Base64.getEncoder().encodeToString("AWS:s3cret".getBytes()), "https://reg", Instant.EPOCH);
        Command login = Command.of(List.of("podman", "login", "--password-stdin", "reg"))
                .withStdin("s3cret".getBytes());

        assertThat(credential.toString()).doesNotContain("s3cret").contains("****");
        assertThat(login.toString()).doesNotContain("s3cret").contains("6 bytes");
        assertThat(credential.password()).isEqualTo("s3cret");
    }

    private BuildContext context(BuildPushRequest request) {
        RegistryCredential credential = RegistryCredential.fromToken(
                java.util.Base64.getEncoder().encodeToString("AWS:s3cret".getBytes()), "https://reg", Instant.EPOCH);
        return new BuildContext(
                request,
                List.of("reg/app:1.0"),
                "reg",
                credential,
                OciLabels.of(request, request.labels(), created(request).time()),
                created(request),
                new ToolAuth(runner, Map.of()),
                Path.of("/work"),
                line -> {});
    }

    private static SourceDate created(BuildPushRequest request) {
        return new SourceDate(request.created() == null ? Instant.EPOCH : request.created(), "the test");
    }

    /** Succeeds at everything except programs or sub-commands listed in {@link #failing}. */
    private static final class FakeRunner implements CommandRunner {
        final List<String> failing = new ArrayList<>();

        @Override
        public CommandResult run(Command command, Consumer<String> lineConsumer) {
            boolean fails = command.argv().stream().anyMatch(failing::contains);
            return new CommandResult(fails ? 1 : 0, List.of());
        }

        @Override
        public boolean isAvailable(String program) {
            return true;
        }

        @Override
        public Path createPrivateDirectory(String prefix) {
            return Path.of("/private/" + prefix);
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
