package dev.ecsdeploy.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/** Every way an AWS call fails is described with the service, the operation and what answered, never "null". */
class AwsFailureTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private static final StaticCredentialsProvider KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "x"));

    private final AwsClients clients = TestAwsClients.create();
    private HttpServer stub;

    @AfterEach
    void tearDown() {
        clients.close();
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void shouldNameServiceOperationStatusCodeMessageAndRequestIdOfAnAwsError() {
        AwsConnection connection = AwsConnection.of(Region.US_EAST_1, KEYS)
                .withEndpointOverride(AWS.emulator().endpoint());

        AwsFailure failure = AwsFailure.describe(catchThrowable(() ->
                clients.ecs(connection).describeServices(r -> r.cluster("nope").services("web"))));

        assertThat(failure.kind()).isEqualTo(AwsFailure.Kind.AWS_ERROR);
        assertThat(failure.summary())
                .matches("ECS DescribeServices failed: HTTP 400 ClusterNotFoundException: Cluster not found\\."
                        + " \\(request id [0-9a-f-]+\\)");
    }

    @Test
    void shouldSayWhenAnAwsErrorCarriesNoMessage() {
        AWS.emulator()
                .unimplemented()
                .add("ecs:ListServiceDeployments", dev.ecsdeploy.emulator.faults.UnimplementedOperations.Style.AWS);
        AwsConnection connection = AwsConnection.of(Region.US_EAST_1, KEYS)
                .withEndpointOverride(AWS.emulator().endpoint());

        AwsFailure failure = AwsFailure.describe(
                catchThrowable(() -> clients.ecs(connection).listServiceDeployments(r -> r.service("web"))));

        assertThat(failure.summary())
                .startsWith("ECS ListServiceDeployments failed: HTTP 400 UnknownOperationException: (no message)")
                .doesNotContain("null");
        AWS.emulator().unimplemented().clear();
    }

    @Test
    void shouldReportAnHtmlAnswerWithItsFirstLine() throws IOException {
        AwsConnection connection = stub(502, "<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body>");

        AwsFailure failure =
                AwsFailure.describe(catchThrowable(() -> clients.ecs(connection).listClusters()));

        assertThat(failure.kind()).isEqualTo(AwsFailure.Kind.NOT_AN_AWS_ANSWER);
        assertThat(failure.summary())
                .isEqualTo("ECS ListClusters failed: HTTP 502 with a body that is not an AWS error:"
                        + " <html><head><title>502 Bad Gateway</title></head>");
    }

    @Test
    void shouldReportAnEmptyAnswerAsSuch() throws IOException {
        AwsConnection connection = stub(500, "");

        AwsFailure failure = AwsFailure.describe(
                catchThrowable(() -> clients.logs(connection).describeLogGroups()));

        assertThat(failure.summary())
                .isEqualTo("CloudWatch Logs DescribeLogGroups failed: HTTP 500 with an empty body");
    }

    @Test
    void shouldSayInOneLineWhereCredentialsWereLookedFor(@TempDir Path home) throws Exception {
        Path empty = Files.writeString(home.resolve("credentials"), "");
        AwsCredentialsProviderChain nothing = AwsCredentialsProviderChain.of(
                SystemPropertyCredentialsProvider.create(),
                ProfileCredentialsProvider.builder()
                        .profileFile(ProfileFile.builder()
                                .content(empty)
                                .type(ProfileFile.Type.CREDENTIALS)
                                .build())
                        .build());
        AwsConnection connection = AwsConnection.of(Region.US_EAST_1, nothing)
                .withEndpointOverride(AWS.emulator().endpoint());

        AwsFailure failure =
                AwsFailure.describe(catchThrowable(() -> clients.sts(connection).getCallerIdentity()));

        assertThat(failure.kind()).isEqualTo(AwsFailure.Kind.MISSING_CREDENTIALS);
        // The SDK that Jenkins ships (2.42, the -Psdk-floor pass) resolves credentials before interceptors learn the
        // operation, so there the line cannot name it.
        // Read at run time: the constant would be inlined from the SDK the test was compiled against.
        boolean floorSdk = ((String) VersionInfo.class.getField("SDK_VERSION").get(null)).startsWith("2.42.");
        assertThat(failure.summary())
                .startsWith(
                        floorSdk
                                ? "no AWS credentials found: looked in the Java system properties"
                                : "no AWS credentials found for STS GetCallerIdentity: looked in the Java system"
                                        + " properties")
                .contains("~/.aws/credentials")
                .doesNotContain("\n")
                .doesNotContain("AwsCredentialsProviderChain");
    }

    private AwsConnection stub(int status, String body) throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stub.start();
        return AwsConnection.of(Region.US_EAST_1, KEYS)
                .withEndpointOverride(
                        URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
                .withMaxAttempts(1);
    }
}
