package dev.ecsdeploy.emulator.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.testing.ContainerTools;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.FindingSeverity;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageTagMutability;
import software.amazon.awssdk.services.ecr.model.ScanStatus;

/**
 * Real clients against the embedded registry: podman and buildah build a {@code FROM scratch} image with behaviour
 * labels, log in with the GetAuthorizationToken password through stdin into a temporary auth file, and push.
 */
class RealPushTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(1);

    /** One login per class: each client command first waits for its TLS attempt to be dropped. */
    private static Path authDir;

    private static Path authFile;
    private static boolean loggedIn;
    private Path workDir;
    private final List<String> builtImages = new ArrayList<>();

    @BeforeAll
    static void createAuthDir() throws IOException {
        authDir = Files.createTempDirectory("ecr-auth-");
        authFile = authDir.resolve("auth.json");
    }

    @AfterAll
    static void removeAuthFile() throws IOException {
        delete(authDir);
        assertThat(authFile).doesNotExist();
    }

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createTempDirectory("ecr-push-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (String image : builtImages) {
            ContainerTools.run(null, null, List.of("podman", "rmi", "-f", image));
        }
        delete(workDir);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private static synchronized void logInOnce(String tool, EcrClient ecr) {
        if (!loggedIn) {
            login(tool, password(ecr), authFile).requireSuccess(tool + " login");
            loggedIn = true;
        }
    }

    @Test
    void shouldPushWithPodmanAndShowTheClientsDigestInDescribeImages() throws IOException {
        ContainerTools.assumeAvailable("podman");
        EcrClient ecr = AWS.ecr();
        String uri = ecr.createRepository(
                        r -> r.repositoryName("podman/web").imageScanningConfiguration(s -> s.scanOnPush(true)))
                .repository()
                .repositoryUri();
        String image = build("podman", uri + ":v1", "unhealthy", "first");

        logInOnce("podman", ecr);
        Path digestFile = workDir.resolve("digest");
        push("podman", image, digestFile, authFile).requireSuccess("podman push");

        String pushed = Files.readString(digestFile).trim();
        List<ImageDetail> details =
                ecr.describeImages(r -> r.repositoryName("podman/web")).imageDetails();
        assertThat(details).singleElement().satisfies(detail -> {
            assertThat(detail.imageDigest()).isEqualTo(pushed);
            assertThat(detail.imageTags()).containsExactly("v1");
            assertThat(detail.imageSizeInBytes()).isPositive();
        });
        ImageResolution resolution = AWS.emulator().ecr().imageResolver().resolve(image);
        assertThat(resolution).isInstanceOfSatisfying(ImageResolution.Found.class, found -> {
            assertThat(found.digest()).isEqualTo(pushed);
            assertThat(found.workload().health()).isEqualTo(Health.UNHEALTHY);
        });
        AWS.emulator().advance(Duration.ofSeconds(10));
        var scan = ecr.describeImageScanFindings(
                r -> r.repositoryName("podman/web").imageId(i -> i.imageTag("v1")));
        assertThat(scan.imageScanStatus().status()).isEqualTo(ScanStatus.COMPLETE);
        assertThat(scan.imageScanFindings().findingSeverityCounts())
                .containsExactlyInAnyOrderEntriesOf(Map.of(FindingSeverity.CRITICAL, 1, FindingSeverity.HIGH, 2));
        assertDefaultAuthFilesDoNotNameTheRegistry();
    }

    @Test
    void shouldPullWhatWasPushed() throws IOException {
        ContainerTools.assumeAvailable("podman");
        EcrClient ecr = AWS.ecr();
        String uri = ecr.createRepository(r -> r.repositoryName("podman/pulled"))
                .repository()
                .repositoryUri();
        String image = build("podman", uri + ":v1", "healthy", "pulled");
        logInOnce("podman", ecr);
        push("podman", image, workDir.resolve("digest"), authFile).requireSuccess("podman push");
        String pushed = Files.readString(workDir.resolve("digest")).trim();
        ContainerTools.run(null, null, List.of("podman", "rmi", "-f", image)).requireSuccess("podman rmi");

        ContainerTools.run(
                        null,
                        null,
                        List.of("podman", "pull", "--tls-verify=false", "--authfile", authFile.toString(), image))
                .requireSuccess("podman pull");

        String pulled = ContainerTools.run(
                        null, null, List.of("podman", "image", "inspect", "--format", "{{.Digest}}", image))
                .requireSuccess("podman image inspect")
                .output()
                .trim();
        assertThat(pulled).isEqualTo(pushed);
    }

    @Test
    void shouldRefuseLoginAndPushWithoutAValidToken() throws IOException {
        ContainerTools.assumeAvailable("podman");
        EcrClient ecr = AWS.ecr();
        String uri = ecr.createRepository(r -> r.repositoryName("podman/refused"))
                .repository()
                .repositoryUri();
        String image = build("podman", uri + ":v1", "healthy", "refused");

        Path emptyAuthFile = workDir.resolve("empty-auth.json");
        ContainerTools.Result login = login("podman", "not-a-token", workDir.resolve("refused-auth.json"));
        Files.writeString(emptyAuthFile, "{\"auths\":{}}");
        ContainerTools.Result push = push("podman", image, workDir.resolve("digest"), emptyAuthFile);

        assertThat(login.exitCode()).as(login.output()).isNotZero();
        assertThat(push.exitCode()).as(push.output()).isNotZero();
        assertThat(ecr.describeImages(r -> r.repositoryName("podman/refused")).imageDetails())
                .isEmpty();
    }

    @Test
    void shouldRefuseToMoveAnExistingTagInAnImmutableRepository() throws IOException {
        ContainerTools.assumeAvailable("podman");
        EcrClient ecr = AWS.ecr();
        String uri = ecr.createRepository(
                        r -> r.repositoryName("podman/immutable").imageTagMutability(ImageTagMutability.IMMUTABLE))
                .repository()
                .repositoryUri();
        logInOnce("podman", ecr);
        push("podman", build("podman", uri + ":v1", "healthy", "original"), workDir.resolve("first"), authFile)
                .requireSuccess("first podman push");
        String original = Files.readString(workDir.resolve("first")).trim();

        ContainerTools.Result second =
                push("podman", build("podman", uri + ":v1", "crash", "changed"), workDir.resolve("second"), authFile);

        assertThat(second.exitCode()).isNotZero();
        assertThat(second.output()).contains("cannot be overwritten because the repository is immutable");
        assertThat(ecr.describeImages(r -> r.repositoryName("podman/immutable")).imageDetails())
                .extracting(ImageDetail::imageDigest)
                .containsExactly(original);
    }

    @Test
    void shouldPushWithBuildah() throws IOException {
        ContainerTools.assumeAvailable("buildah");
        EcrClient ecr = AWS.ecr();
        String uri = ecr.createRepository(r -> r.repositoryName("buildah-app"))
                .repository()
                .repositoryUri();
        String image = build("buildah", uri + ":b1", "crash", "buildah");

        logInOnce("buildah", ecr);
        Path digestFile = workDir.resolve("digest");
        push("buildah", image, digestFile, authFile).requireSuccess("buildah push");

        String pushed = Files.readString(digestFile).trim();
        assertThat(ecr.describeImages(r -> r.repositoryName("buildah-app")).imageDetails())
                .extracting(ImageDetail::imageDigest)
                .containsExactly(pushed);
        assertThat(AWS.emulator().ecr().imageResolver().resolve(uri + "@" + pushed))
                .isInstanceOfSatisfying(
                        ImageResolution.Found.class,
                        found -> assertThat(found.workload().health()).isEqualTo(Health.CRASH));
    }

    private String build(String tool, String reference, String health, String content) throws IOException {
        Path context = Files.createDirectories(workDir.resolve("context-" + content));
        Files.writeString(context.resolve("payload.txt"), content + "\n");
        Files.writeString(
                context.resolve("Containerfile"),
                "FROM scratch\nCOPY payload.txt /payload.txt\n"
                        + "LABEL dev.ecsdeploy.emulator.health=" + health + "\n"
                        + "LABEL dev.ecsdeploy.emulator.findings=\"CRITICAL=1,HIGH=2\"\n");
        List<String> command = tool.equals("buildah")
                ? List.of("buildah", "bud", "--layers=false", "-t", reference, ".")
                : List.of("podman", "build", "-t", reference, ".");
        ContainerTools.run(context, null, command).requireSuccess(tool + " build");
        builtImages.add(reference);
        return reference;
    }

    private static ContainerTools.Result login(String tool, String password, Path authFile) {
        return ContainerTools.run(
                null,
                password,
                List.of(
                        tool,
                        "login",
                        "--tls-verify=false",
                        "--authfile",
                        authFile.toString(),
                        "--username",
                        "AWS",
                        "--password-stdin",
                        AWS.emulator().registryHost()));
    }

    private ContainerTools.Result push(String tool, String image, Path digestFile, Path authFile) {
        return ContainerTools.run(
                workDir,
                null,
                List.of(
                        tool,
                        "push",
                        "--tls-verify=false",
                        "--authfile",
                        authFile.toString(),
                        "--digestfile",
                        digestFile.toString(),
                        image));
    }

    private static String password(EcrClient ecr) {
        String token = ecr.getAuthorizationToken().authorizationData().get(0).authorizationToken();
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        return decoded.substring("AWS:".length());
    }

    /** The login went to the temporary auth file only; podman's and docker's default files never saw it. */
    private static void assertDefaultAuthFilesDoNotNameTheRegistry() throws IOException {
        String runtime = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/run/containers/0");
        for (Path path : List.of(
                Path.of(runtime, "containers", "auth.json"),
                Path.of("/run/containers/0/auth.json"),
                Path.of(System.getProperty("user.home"), ".docker", "config.json"))) {
            if (Files.exists(path)) {
                assertThat(Files.readString(path)).doesNotContain(AWS.emulator().registryHost());
            }
        }
    }
}
