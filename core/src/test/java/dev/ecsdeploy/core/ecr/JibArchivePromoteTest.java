package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Daemonless paths: Jib, archive push, promotion, immutability conflicts, drift and bad input. */
class JibArchivePromoteTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path directory;

    @Test
    void shouldBuildWithJibFromFilesAndPushToTheEmulator(EcrClient ecr) throws Exception {
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult result = support.manager.buildAndPush(
                    jibRequest("jib/app", "hello from jib", "1.0").request());

            String described = ecr.describeImages(
                            r -> r.repositoryName("jib/app").imageIds(i -> i.imageTag("1.0")))
                    .imageDetails()
                    .get(0)
                    .imageDigest();
            assertThat(result.digest()).isEqualTo(described);
            assertThat(result.builder()).isEqualTo("jib");
            assertThat(result.tags()).containsExactly("1.0", "stable");
            assertThat(support.tokenCalls()).isEqualTo(1);
            assertThat(support.runner.commands())
                    .as("Jib runs no external command")
                    .isEmpty();
            support.assertNoSecretLeaked();
        }
    }

    @Test
    void shouldPushADockerArchiveWithoutADaemonAndReportUnchangedTheSecondTime(EcrClient ecr) throws Exception {
        Path archive = dockerArchive("archive content");
        aws.emulator().ecr().createRepository("archive/app");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult first =
                    support.manager.pushArchive(ArchivePushRequest.of("archive/app", archive, List.of("v1")));
            PushResult second =
                    support.manager.pushArchive(ArchivePushRequest.of("archive/app", archive, List.of("v1")));

            assertThat(first.digest())
                    .isEqualTo(
                            aws.emulator().ecr().digestOf("archive/app", "v1").orElseThrow());
            assertThat(first.manifestMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
            assertThat(first.changed()).isTrue();
            assertThat(second.changed()).isFalse();
            assertThat(support.tokenCalls()).isEqualTo(1);
            assertThat(support.eventText()).contains("uploadedBytes");
        }
    }

    @Test
    void shouldPromoteByRetaggingWithoutPullOrPush() {
        aws.emulator().ecr().createRepository("promote/app");
        String digest = aws.emulator().ecr().putSyntheticImage("promote/app", "build-42", Map.of());
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult promoted =
                    support.manager.promote(PromoteRequest.of("promote/app", "build-42", List.of("prod", "v2")));

            assertThat(promoted.digest()).isEqualTo(digest);
            assertThat(aws.emulator().ecr().digestOf("promote/app", "prod")).contains(digest);
            assertThat(support.tokenCalls()).as("no registry login for a retag").isZero();
            assertThat(aws.emulator().callLog().count("ecr", "PutImage")).isEqualTo(2);
            assertThat(support.manager
                            .promote(PromoteRequest.of("promote/app", digest, List.of("prod")))
                            .changed())
                    .isFalse();
        }
    }

    @Test
    void shouldRefuseToMoveAnImmutableTagBeforePushingAndNameBothDigests() throws Exception {
        RepositorySpec immutable = RepositorySpec.builder()
                .name("immutable/app")
                .createIfMissing(true)
                .immutableTags(true)
                .build();
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult first = support.manager.pushArchive(
                    new ArchivePushRequest(immutable, dockerArchive("first"), List.of("1.0")));
            PushResult again = support.manager.pushArchive(
                    new ArchivePushRequest(immutable, dockerArchive("first"), List.of("1.0")));
            Path other = dockerArchive("second");
            long putsBefore =
                    aws.emulator().ecr().digestOf("immutable/app", "1.0").isPresent() ? 1 : 0;

            assertThat(again.changed()).isFalse();
            assertThatThrownBy(
                            () -> support.manager.pushArchive(new ArchivePushRequest(immutable, other, List.of("1.0"))))
                    .isInstanceOf(TagConflictException.class)
                    .hasMessageContaining(first.digest())
                    .hasMessageContaining("immutable");
            assertThat(aws.emulator().ecr().digestOf("immutable/app", "1.0")).contains(first.digest());
            assertThat(putsBefore).isOne();
        }
    }

    @Test
    void shouldReportDriftWithoutChangingAndChangeOnlyWhenAsked() {
        aws.emulator().ecr().createRepository("drift/app");
        RepositorySpec wanted = RepositorySpec.builder()
                .name("drift/app")
                .immutableTags(true)
                .scanOnPush(true)
                .lifecyclePolicy(LifecyclePolicies.keepLastTagged(10, 7))
                .build();
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            RepositoryReport report = support.manager.ensureRepository(wanted);

            assertThat(report.drift())
                    .anyMatch(line -> line.startsWith("imageTagMutability is MUTABLE, wanted IMMUTABLE"))
                    .anyMatch(line -> line.startsWith("scanOnPush is false"))
                    .anyMatch(line -> line.startsWith("lifecycle policy is missing"));
            assertThat(report.updated()).isFalse();
            assertThat(report.immutableTags()).isFalse();

            RepositoryReport applied = support.manager.ensureRepository(
                    wanted.toBuilder().applyChanges(true).build());
            assertThat(applied.updated()).isTrue();
            assertThat(applied.immutableTags()).isTrue();
            assertThat(support.manager.ensureRepository(wanted).drift()).isEmpty();
        }
    }

    @Test
    void shouldCreateARepositoryWithEncryptionPoliciesAndScanOnPush(EcrClient ecr) {
        String crossAccountPull = """
                {"Version":"2012-10-17","Statement":[{"Sid":"pull","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::210987654321:root"},\
                "Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"]}]}""";
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            RepositoryReport report = support.manager.ensureRepository(RepositorySpec.builder()
                    .name("created/app")
                    .createIfMissing(true)
                    .scanOnPush(true)
                    .immutableTags(true)
                    .encryption(RepositorySpec.Encryption.kms("alias/ecr"))
                    .lifecyclePolicy(LifecyclePolicies.keepLastTagged(5, 3))
                    .repositoryPolicy(crossAccountPull)
                    .build());

            assertThat(report.created()).isTrue();
            assertThat(report.scanOnPush()).isTrue();
            var repository = ecr.describeRepositories(r -> r.repositoryNames("created/app"))
                    .repositories()
                    .get(0);
            assertThat(repository.encryptionConfiguration().encryptionTypeAsString())
                    .isEqualTo("KMS");
            assertThat(ecr.getRepositoryPolicy(r -> r.repositoryName("created/app"))
                            .policyText())
                    .contains("210987654321");
            assertThat(ecr.getLifecyclePolicy(r -> r.repositoryName("created/app"))
                            .lifecyclePolicyText())
                    .contains("imageCountMoreThan");
        }
    }

    @Test
    void shouldRejectBadInputBeforeAnyPush() {
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            assertThatThrownBy(() -> support.manager.buildAndPush(
                            r -> r.repository("Bad_Name").addTag("1")))
                    .hasMessageStartingWith("invalid repository name 'Bad_Name': ");
            assertThatThrownBy(() -> support.manager.buildAndPush(
                            r -> r.repository("app").addTag("-x")))
                    .hasMessageStartingWith("invalid tag '-x': ");
            assertThatThrownBy(() -> support.manager.buildAndPush(r -> r.repository("app")
                            .addTag("1")
                            .builderKind(BuilderKind.PODMAN)
                            .contextDirectory(directory.resolve("missing"))))
                    .hasMessageContaining("build context")
                    .hasMessageContaining("not found: ");
            assertThatThrownBy(() -> support.manager.buildAndPush(r -> r.repository("app")
                            .addTag("1")
                            .builderKind(BuilderKind.PODMAN)
                            .contextDirectory(directory)))
                    .hasMessageStartingWith("Dockerfile " + directory.resolve("Dockerfile") + " not found: ");
            assertThatThrownBy(() -> support.manager.buildAndPush(
                            jibRequest("absent/app", "x", "1").toBuilderWithoutCreate()))
                    .hasMessageStartingWith("repository absent/app not found: ");
            assertThat(aws.emulator().callLog().count("ecr", "GetAuthorizationToken"))
                    .isZero();
        }
    }

    @Test
    void shouldReportAFailedLoginBeforeAnyPush() throws Exception {
        aws.emulator().ecr().createRepository("creds/app");
        // The emulator accepts any access key, so a refused token call stands in for bad credentials.
        aws.emulator()
                .faults()
                .add(dev.ecsdeploy.emulator.faults.FaultRule.serverErrors("ecr:GetAuthorizationToken", 100));
        try (dev.ecsdeploy.core.aws.AwsClients clients = dev.ecsdeploy.core.testing.TestAwsClients.create();
                EcrImageManager manager = EcrImageManager.builder()
                        .clients(clients)
                        .connection(EcrTestSupport.connection(aws.emulator()).withMaxAttempts(1))
                        .build()) {
            BuildPushRequest request = jibRequest("creds/app", "x", "1").request();
            assertThatThrownBy(() -> manager.buildAndPush(request))
                    .hasMessageStartingWith(
                            "could not log in to " + aws.emulator().registryHost() + ": ");
            assertThat(aws.emulator().ecr().digestOf("creds/app", "1")).isEmpty();
        }
    }

    private JibRequest jibRequest(String repository, String content, String tag) throws Exception {
        Path file = Files.writeString(directory.resolve("hello.txt"), content);
        return new JibRequest(BuildPushRequest.builder()
                .repository(RepositorySpec.builder()
                        .name(repository)
                        .createIfMissing(true)
                        .build())
                .tags(List.of(tag, "stable"))
                .builderKind(BuilderKind.JIB)
                .created(Instant.parse("2026-01-01T00:00:00Z"))
                .jibImage(JibImage.builder()
                        .addLayer(JibLayer.of(file, "/app/hello.txt"))
                        .entrypoint(List.of("/bin/cat", "/app/hello.txt"))
                        .putEnvironment("MODE", "test")
                        .putLabel("dev.ecsdeploy.emulator.exit-code", "0")
                        .build())
                .build());
    }

    /** A Jib request, or the same with createRepository switched off. */
    private record JibRequest(BuildPushRequest request) {
        BuildPushRequest toBuilderWithoutCreate() {
            return new BuildPushRequest(
                    RepositorySpec.named(request.repository().name()),
                    request.tags(),
                    request.builderKind(),
                    null,
                    null,
                    Map.of(),
                    null,
                    List.of(),
                    Map.of(),
                    null,
                    null,
                    null,
                    null,
                    request.created(),
                    List.of(),
                    List.of(),
                    false,
                    false,
                    List.of(),
                    List.of(),
                    request.jibImage());
        }
    }

    /** A minimal docker-archive ({@code docker save} layout): manifest.json, a config, one uncompressed layer. */
    private Path dockerArchive(String content) throws Exception {
        byte[] layer = layerTar(content);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                        + "\"diff_ids\":[\"" + sha256(layer) + "\"]}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] manifest =
                "[{\"Config\":\"config.json\",\"RepoTags\":[\"app:latest\"],\"Layers\":[\"layer/layer.tar\"]}]"
                        .getBytes(StandardCharsets.UTF_8);
        Path archive = Files.createTempFile(directory, "image-", ".tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(archive))) {
            add(tar, "manifest.json", manifest);
            add(tar, "config.json", config);
            add(tar, "layer/layer.tar", layer);
        }
        return archive;
    }

    private static byte[] layerTar(String content) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "hello.txt", content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws Exception {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return "sha256:"
                + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(bytes));
    }

    @SuppressWarnings("unused")
    private static OutputStream unused() {
        return OutputStream.nullOutputStream();
    }
}
