package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/**
 * Real builds: {@code FROM scratch} with a RUN step (a static busybox copied into the context runs it), pushed to the
 * emulator's registry. {@code --isolation chroot} is passed as an extra argument because crun cannot create
 * containers on this machine's hybrid cgroup layout; the engine itself adds no such flag.
 */
class BuildPushWithPodmanAndBuildahTest {
    private static final List<String> CHROOT = List.of("--isolation", "chroot");

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path context;

    @Test
    void shouldBuildAndPushWithPodmanAndConfirmTheDigest(EcrClient ecr) throws Exception {
        ContainerToolsAssumptions.assumeTool("podman");
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            List<String> authDirectoryModes = new java.util.concurrent.CopyOnWriteArrayList<>();
            support.runner.instrument(command -> {
                if (command.argv().contains("save")) {
                    Path authFile = Path.of(command.environment().get("REGISTRY_AUTH_FILE"));
                    authDirectoryModes.add(mode(authFile.getParent()));
                    authDirectoryModes.add(mode(authFile));
                }
                return command;
            });
            PushResult result = support.manager.buildAndPush(request("build/podman", BuilderKind.PODMAN));

            assertThat(authDirectoryModes)
                    .as("the run's auth directory and file are private")
                    .contains("rwx------", "rw-------")
                    .doesNotContain("rwxr-xr-x", "rw-r--r--");

            assertPushed(ecr, support, result, "build/podman");
            assertThat(result.builder()).isEqualTo("podman");
            assertThat(result.reproducible()).isTrue();
            assertThat(support.runner.commands())
                    .as("podman logs in for base images; the engine pushes the saved archive itself")
                    .anySatisfy(command -> assertThat(command.argv())
                            .startsWith("podman", "login")
                            .contains("--password-stdin"))
                    .noneSatisfy(command -> assertThat(command.argv()).startsWith("podman", "push"))
                    .anySatisfy(command ->
                            assertThat(command.argv()).startsWith("podman", "save", "--format", "oci-archive"));
            support.close();
            support.assertPrivateDirectoriesDeleted();
            support.assertNoSecretLeaked();
        }
    }

    @Test
    void shouldBuildAndPushWithBuildah(EcrClient ecr) throws Exception {
        ContainerToolsAssumptions.assumeTool("buildah");
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult result = support.manager.buildAndPush(request("build/buildah", BuilderKind.BUILDAH));

            assertPushed(ecr, support, result, "build/buildah");
            assertThat(result.builder()).isEqualTo("buildah");
            support.close();
            support.assertPrivateDirectoriesDeleted();
            support.assertNoSecretLeaked();
        }
    }

    @Test
    void shouldReportUnchangedWhenTheSameBuildIsPushedAgain() throws Exception {
        ContainerToolsAssumptions.assumeTool("podman");
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult first = support.manager.buildAndPush(request("build/again", BuilderKind.PODMAN));
            PushResult second = support.manager.buildAndPush(request("build/again", BuilderKind.PODMAN));

            assertThat(first.changed()).isTrue();
            assertThat(second.changed()).isFalse();
            assertThat(second.digest()).isEqualTo(first.digest());
            assertThat(support.tokenCalls())
                    .as("one token per registry per run")
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldCheckImmutableTagsBeforePushingARealBuild() throws Exception {
        ContainerToolsAssumptions.assumeTool("podman");
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        RepositorySpec immutable = RepositorySpec.builder()
                .name("build/immutable")
                .createIfMissing(true)
                .immutableTags(true)
                .build();
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult first =
                    support.manager.buildAndPush(withRepository(request("x", BuilderKind.PODMAN), immutable));
            PushResult again =
                    support.manager.buildAndPush(withRepository(request("x", BuilderKind.PODMAN), immutable));
            EcrTestSupport.busyboxContext(java.nio.file.Files.createDirectories(context.resolve("changed")), "changed");
            BuildPushRequest changed = withRepository(request("x", BuilderKind.PODMAN), immutable);
            BuildPushRequest changedContext = new BuildPushRequest(
                    changed.repository(),
                    changed.tags(),
                    changed.builderKind(),
                    context.resolve("changed"),
                    null,
                    changed.buildArgs(),
                    null,
                    List.of(),
                    changed.labels(),
                    null,
                    null,
                    null,
                    null,
                    changed.created(),
                    List.of(),
                    List.of(),
                    false,
                    false,
                    List.of(),
                    changed.extraArgs(),
                    null);

            assertThat(again.changed()).isFalse();
            assertThat(again.digest()).isEqualTo(first.digest());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> support.manager.buildAndPush(changedContext))
                    .isInstanceOf(TagConflictException.class)
                    .hasMessageContaining(first.digest());
            assertThat(aws.emulator().ecr().digestOf("build/immutable", "1.0.0"))
                    .contains(first.digest());
            assertThat(support.runner.commands())
                    .anySatisfy(command ->
                            assertThat(command.argv()).startsWith("podman", "save", "--format", "oci-archive"));
        }
    }

    private static String mode(Path path) {
        try {
            return java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static BuildPushRequest withRepository(BuildPushRequest request, RepositorySpec repository) {
        return new BuildPushRequest(
                repository,
                request.tags(),
                request.builderKind(),
                request.contextDirectory(),
                request.dockerfile(),
                request.buildArgs(),
                request.target(),
                request.platforms(),
                request.labels(),
                request.revision(),
                request.sourceUrl(),
                request.version(),
                request.buildUrl(),
                request.created(),
                request.cacheFrom(),
                request.cacheTo(),
                request.noCache(),
                request.pull(),
                request.secrets(),
                request.extraArgs(),
                request.jibImage());
    }

    private BuildPushRequest request(String repository, BuilderKind builder) throws Exception {
        if (!context.resolve("Dockerfile").toFile().exists()) {
            EcrTestSupport.busyboxContext(context, "built-by-test");
        }
        return BuildPushRequest.builder()
                .repository(RepositorySpec.builder()
                        .name(repository)
                        .createIfMissing(true)
                        .build())
                .tags(List.of("1.0.0", "latest"))
                .builderKind(builder)
                .contextDirectory(context)
                .revision("0123abc")
                .sourceUrl("https://example.com/repo.git")
                .version("1.0.0")
                .buildUrl("https://ci.example.com/job/7")
                .created(Instant.parse("2026-01-01T00:00:00Z"))
                .extraArgs(CHROOT)
                .build();
    }

    private static void assertPushed(EcrClient ecr, EcrTestSupport support, PushResult result, String repository) {
        ImageDetail detail = ecr.describeImages(
                        r -> r.repositoryName(repository).imageIds(i -> i.imageTag("1.0.0")))
                .imageDetails()
                .get(0);
        assertThat(result.digest()).isEqualTo(detail.imageDigest()).startsWith("sha256:");
        assertThat(detail.imageTags()).contains("1.0.0", "latest");
        assertThat(result.imageUri()).isEqualTo(result.repositoryUri() + "@" + detail.imageDigest());
        assertThat(result.repositoryUri()).isEqualTo(support.emulator.registryHost() + "/" + repository);
        assertThat(result.sizeInBytes()).isPositive();
        assertThat(result.pushedAt()).isNotNull();
        assertThat(result.changed()).isTrue();
        assertThat(support.tokenCalls())
                .as("one GetAuthorizationToken per registry per run")
                .isEqualTo(1);
    }
}
