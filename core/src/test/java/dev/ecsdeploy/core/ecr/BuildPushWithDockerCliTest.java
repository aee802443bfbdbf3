package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * The Docker CLI against podman's Docker-compatible API service ({@link PodmanDockerService}), started here. The engine runs no {@code docker login}: the
 * credential sits in the run's private {@code config.json} and reaches the service in the push's X-Registry-Auth
 * header. Without buildx the legacy builder is used, and the test says so.
 */
class BuildPushWithDockerCliTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path directory;

    private PodmanDockerService service;

    @AfterEach
    void stopServiceAndRemoveTheImage() throws InterruptedException {
        String repository = aws.emulator().registryHost() + "/build/docker";
        new LocalCommandRunner()
                .run(Command.of(List.of("podman", "rmi", "--force", repository + ":1.0.0", repository + ":latest")));
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldBuildWithTheDockerCliThroughPodmansServiceAndPush(EcrClient ecr) throws Exception {
        ContainerToolsAssumptions.assumeTool("podman");
        ContainerToolsAssumptions.assumeTool("docker");
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        service = PodmanDockerService.start(directory, aws.emulator().registryHost());
        Path context = Files.createDirectories(directory.resolve("context"));
        EcrTestSupport.busyboxContext(context, "built-by-docker");
        Map<String, String> dockerHost = service.dockerHost();
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator(), dockerHost, java.time.Clock.systemUTC())) {
            List<String> credentialModes = new CopyOnWriteArrayList<>();
            support.runner.instrument(command -> {
                if (command.argv().size() > 1
                        && List.of("build", "save").contains(command.argv().get(1))) {
                    Path config = Path.of(command.environment().get("DOCKER_CONFIG"));
                    credentialModes.add(mode(config) + " " + mode(config.resolve("config.json")));
                }
                return command;
            });

            PushResult result = support.manager.buildAndPush(r -> r.repository(RepositorySpec.builder()
                            .name("build/docker")
                            .createIfMissing(true)
                            .build())
                    .tags(List.of("1.0.0", "latest"))
                    .builderKind(BuilderKind.DOCKER)
                    .contextDirectory(context)
                    .created(Instant.parse("2026-01-01T00:00:00Z")));

            reportBuilder(result);
            assertThat(support.runner.allOutput())
                    .as("the build ran, RUN step included")
                    .containsPattern("STEP \\d+/\\d+: RUN \\[\"/bin/busybox\"");
            assertThat(credentialModes)
                    .as("the credential directory and file while the build and the save ran")
                    .containsOnly("rwx------ rw-------")
                    .hasSize(2);
            assertThat(support.runner.commands())
                    .noneSatisfy(command -> assertThat(command.argv()).contains("login"));
            assertPushed(ecr, support, result);
            assertThat(Files.readString(service.log()))
                    .as("podman's service log")
                    .doesNotContain(EcrTestSupport.PASSWORD_PREFIX)
                    .doesNotContain(EcrTestSupport.TOKEN_PREFIX);
        }
    }

    private static void reportBuilder(PushResult result) {
        if (result.builder().equals("docker")) {
            System.err.println("NOTE: docker buildx is not installed; the Docker CLI's legacy builder was used");
        }
    }

    private static void assertPushed(EcrClient ecr, EcrTestSupport support, PushResult result) {
        for (String tag : List.of("1.0.0", "latest")) {
            String described = ecr.describeImages(
                            r -> r.repositoryName("build/docker").imageIds(i -> i.imageTag(tag)))
                    .imageDetails()
                    .get(0)
                    .imageDigest();
            assertThat(result.digest()).as("digest of " + tag).isEqualTo(described);
        }
        assertThat(result.digest()).startsWith("sha256:");
        assertThat(result.builder()).isIn("docker", "docker-buildx");
        assertThat(support.tokenCalls()).isEqualTo(1);
        assertThat(support.runner.privateFiles()).isNotEmpty();
        support.close();
        support.assertPrivateDirectoriesDeleted();
        assertThat(support.runner.privateFiles())
                .allSatisfy(file -> assertThat(file).doesNotExist());
        support.assertNoSecretLeaked();
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
