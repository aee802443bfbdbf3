package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same inputs, same digest, nothing uploaded: for every builder, two builds of an unchanged context (the second
 * without the layer cache) give the same digest, the second uploads 0 bytes and puts no manifest (counted from the
 * emulator's registry call log), and a changed file gives a new digest. No build passes a created time, so the
 * engine's default source date is what is tested. Writes the table to {@code target/reproducibility.md}:
 *
 * <pre>./mvnw -ntp -pl core -am verify -Dtest=ReproducibleBuildTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dspotless.check.skip=true</pre>
 */
class ReproducibleBuildTest {
    private static final List<String> CHROOT = List.of("--isolation", "chroot");
    private static final Map<String, String> TABLE = new TreeMap<>();

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path directory;

    private PodmanDockerService docker;
    private String repository;

    @AfterEach
    void removeLocalImagesAndStopTheService() throws InterruptedException {
        if (repository != null) {
            String image = aws.emulator().registryHost() + "/" + repository;
            new LocalCommandRunner().run(Command.of(List.of("podman", "rmi", "--force", image + ":1", image + ":2")));
        }
        if (docker != null) {
            docker.close();
        }
    }

    @AfterAll
    static void writeTheTable() throws IOException {
        if (TABLE.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder(
                "| builder | digest 1 | digest 2 | same? | bytes uploaded 2nd | manifest PUTs 2nd | digest after change |"
                        + " reproducible |\n|---|---|---|---|---|---|---|---|\n");
        TABLE.values().forEach(row -> table.append(row).append('\n'));
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("reproducibility.md"), table);
        System.err.println("Reproducibility (target/reproducibility.md):\n" + table);
    }

    @ParameterizedTest
    @EnumSource(
            value = BuilderKind.class,
            names = {"PODMAN", "BUILDAH", "DOCKER", "JIB"})
    void shouldRebuildAnUnchangedContextToTheSameDigestAndUploadNothing(BuilderKind kind) throws Exception {
        Map<String, String> environment = prepare(kind);
        Path context = context("first");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator(), environment, Clock.systemUTC())) {
            PushResult first = support.manager.buildAndPush(request(kind, context, "1", false));
            long mark = lastSequence();
            PushResult second = support.manager.buildAndPush(request(kind, context, "1", true));
            Upload upload = uploadedSince(mark);
            Files.writeString(context.resolve("message.txt"), "second");
            PushResult changed = support.manager.buildAndPush(request(kind, context, "2", true));

            TABLE.put(kind.id(), row(first, second, upload, changed));
            assertThat(first.changed()).isTrue();
            assertThat(changed.digest()).as("digest after a changed file").isNotEqualTo(first.digest());
            if (second.reproducible()) {
                assertThat(second.digest()).as("digest of the rebuild").isEqualTo(first.digest());
                assertThat(second.changed()).isFalse();
                assertThat(upload.bytes()).as("bytes uploaded by the rebuild").isZero();
                assertThat(upload.manifestPuts())
                        .as("manifests put by the rebuild")
                        .isZero();
                assertThat(support.eventText()).contains("the same inputs give the same digest");
            } else {
                assertThat(support.eventText()).contains("cannot build reproducibly here");
            }
        }
    }

    @Test
    void shouldAddAMissingTagWithPutImageAndUploadNoBlob() throws Exception {
        repository = "repro/retag";
        Path context = context("retag");
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            PushResult first = support.manager.buildAndPush(request(BuilderKind.JIB, context, "1", false));
            long mark = lastSequence();
            long putImages = aws.emulator().callLog().count("ecr", "PutImage");

            PushResult retagged = support.manager.buildAndPush(BuildPushRequest.builder()
                    .repository(request(BuilderKind.JIB, context, "1", false).repository())
                    .tags(List.of("1", "stable"))
                    .builderKind(BuilderKind.JIB)
                    .jibImage(request(BuilderKind.JIB, context, "1", false).jibImage())
                    .revision("0123abc")
                    .build());

            assertThat(retagged.digest()).isEqualTo(first.digest());
            assertThat(retagged.changed()).as("a tag moved").isTrue();
            assertThat(uploadedSince(mark)).isEqualTo(new Upload(0, 0));
            assertThat(aws.emulator().callLog().count("ecr", "PutImage") - putImages)
                    .isOne();
            assertThat(aws.emulator().ecr().digestOf(repository, "stable")).contains(first.digest());
            assertThat(support.eventText()).contains("ECR already held the image, nothing uploaded");
        }
    }

    private Map<String, String> prepare(BuilderKind kind) throws Exception {
        repository = "repro/" + kind.id();
        if (kind == BuilderKind.JIB) {
            return Map.of();
        }
        ContainerToolsAssumptions.assumeTool(kind == BuilderKind.DOCKER ? "podman" : kind.id());
        ContainerToolsAssumptions.assumeFile("/bin/busybox", "install busybox-static");
        if (kind != BuilderKind.DOCKER) {
            return Map.of();
        }
        ContainerToolsAssumptions.assumeTool("docker");
        docker = PodmanDockerService.start(directory, aws.emulator().registryHost());
        return docker.dockerHost();
    }

    /** A context whose image has a copied file, a copied binary and files a RUN step creates at build time. */
    private Path context(String message) throws IOException {
        Path context = Files.createDirectories(directory.resolve("context"));
        Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"));
        Files.writeString(context.resolve("message.txt"), message);
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                COPY busybox /bin/busybox
                COPY message.txt /message.txt
                RUN ["/bin/busybox", "sh", "-c", "/bin/busybox mkdir -p /data && /bin/busybox echo built > /data/built.txt"]
                ENTRYPOINT ["/bin/busybox", "cat", "/message.txt"]
                """);
        return context;
    }

    private BuildPushRequest request(BuilderKind kind, Path context, String tag, boolean noCache) {
        BuildPushRequest.Builder request = BuildPushRequest.builder()
                .repository(RepositorySpec.builder()
                        .name(repository)
                        .createIfMissing(true)
                        .build())
                .tags(List.of(tag))
                .builderKind(kind)
                .revision("0123abc");
        if (kind == BuilderKind.JIB) {
            return request.jibImage(JibImage.builder()
                            .addLayer(JibLayer.of(context.resolve("message.txt"), "/message.txt"))
                            .entrypoint(List.of("/bin/cat", "/message.txt"))
                            .build())
                    .build();
        }
        request.contextDirectory(context).noCache(noCache);
        return (kind == BuilderKind.DOCKER ? request : request.extraArgs(CHROOT)).build();
    }

    private long lastSequence() {
        List<CallRecord> calls = aws.emulator().callLog().all();
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).sequence();
    }

    /** What clients sent the registry after {@code mark}: request body bytes of uploads, and manifest PUTs. */
    private Upload uploadedSince(long mark) {
        List<CallRecord> uploads = aws.emulator()
                .callLog()
                .matching(call -> call.sequence() > mark
                        && call.service().equals("registry")
                        && call.operation().matches("(PUT|PATCH|POST) .*"));
        long bytes = uploads.stream()
                .mapToLong(call -> Long.parseLong(call.parameters().get("bytes")))
                .sum();
        long manifests = uploads.stream()
                .filter(call -> call.operation().equals("PUT manifest"))
                .count();
        return new Upload(bytes, manifests);
    }

    private record Upload(long bytes, long manifestPuts) {}

    private static String row(PushResult first, PushResult second, Upload upload, PushResult changed) {
        return "| " + first.builder() + " | " + shortDigest(first) + " | " + shortDigest(second) + " | "
                + (first.digest().equals(second.digest()) ? "yes" : "no") + " | " + upload.bytes() + " | "
                + upload.manifestPuts() + " | " + shortDigest(changed) + " | "
                + (second.reproducible() ? "yes" : "no: " + second.notReproducibleReason()) + " |";
    }

    private static String shortDigest(PushResult result) {
        return result.digest().substring(0, "sha256:".length() + 12);
    }
}
