package dev.ecsdeploy.core.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ecsdeploy.core.testing.TestAwsClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * Checks the client configuration on the wire: a tiny HTTP server stands in for ECS and scripts its answers, so the
 * test sees exactly what the SDK sends and how often it retries.
 */
class AwsClientsTest {
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int throttleFirst;
    private volatile long delayMillis;
    private HttpServer server;
    private AwsClients clients;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        clients = TestAwsClients.create();
    }

    @AfterEach
    void stopServer() {
        clients.close();
        server.stop(0);
    }

    @Test
    void shouldSendEveryCallThroughTheGivenHttpClient() {
        RecordingHttpClient httpClient = new RecordingHttpClient();

        try (AwsClients given = AwsClients.create(httpClient)) {
            given.ecs(connection()).listClusters();
            given.ecr(connection()).describeRepositories();
        }

        assertThat(httpClient.built).hasSize(2);
        assertThat(httpClient.requests).hasValue(2);
        assertThat(requests).hasValue(2);
    }

    @Test
    void shouldHandTheTimeoutsToTheHttpClientAsDefaults() {
        RecordingHttpClient httpClient = new RecordingHttpClient();

        try (AwsClients given = AwsClients.create(httpClient)) {
            given.ecs(connection().withTimeouts(Duration.ofSeconds(40), Duration.ofSeconds(7)))
                    .listClusters();
        }

        AttributeMap defaults = httpClient.built.get(0);
        assertThat(defaults.get(SdkHttpConfigurationOption.READ_TIMEOUT)).isEqualTo(Duration.ofSeconds(7));
        assertThat(defaults.get(SdkHttpConfigurationOption.CONNECTION_TIMEOUT)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseToBuildWithoutAnHttpClient() {
        assertThatThrownBy(() -> AwsClients.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an HTTP client");
    }

    @Test
    void shouldSendTheUserAgentSuffix() {
        clients.ecs(connection()).listClusters();

        assertThat(userAgents).singleElement().asString().contains("ecs-deploy/");
    }

    @Test
    void shouldRetryThrottledCallsUntilTheySucceed() {
        throttleFirst = 2;

        clients.ecs(connection()).listClusters();

        assertThat(requests).hasValue(3);
    }

    @Test
    void shouldStopRetryingAfterTheConfiguredAttempts() {
        throttleFirst = 100;
        EcsClient ecs = clients.ecs(connection().withMaxAttempts(3));

        assertThatThrownBy(ecs::listClusters).isInstanceOf(EcsException.class).hasMessageContaining("Rate exceeded");
        assertThat(requests).hasValue(3);
    }

    @Test
    void shouldTimeOutAHungCall() {
        delayMillis = 3_000;
        EcsClient ecs = clients.ecs(connection()
                .withTimeouts(Duration.ofMillis(900), Duration.ofMillis(300))
                .withMaxAttempts(2));

        assertThatThrownBy(ecs::listClusters)
                .isInstanceOfAny(
                        ApiCallTimeoutException.class, ApiCallAttemptTimeoutException.class, SdkClientException.class);
    }

    @Test
    void shouldShareOneClientPerServiceRegionCredentialsAndEndpoint() {
        AwsConnection connection = connection();

        EcsClient first = clients.ecs(connection);
        EcsClient again = clients.ecs(connection);
        EcsClient otherRegion = clients.ecs(connection.withRegion(Region.EU_WEST_1));
        EcsClient otherCredentials = clients.ecs(new AwsConnection(
                connection.region(),
                credentials(),
                connection.endpointOverride(),
                connection.apiCallTimeout(),
                connection.apiCallAttemptTimeout(),
                connection.maxAttempts()));
        clients.ecr(connection);

        assertThat(again).isSameAs(first);
        assertThat(otherRegion).isNotSameAs(first);
        assertThat(otherCredentials).isNotSameAs(first);
        assertThat(clients.openClients()).isEqualTo(4);
    }

    @Test
    void shouldRefuseNewClientsOnceClosed() {
        clients.close();

        assertThatThrownBy(() -> clients.ecs(connection()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(clients.openClients()).isZero();
    }

    private AwsConnection connection() {
        return AwsConnection.of(Region.US_EAST_1, credentials())
                .withEndpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            int number = requests.incrementAndGet();
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.getRequestBody().readAllBytes();
            pause();
            boolean throttle = number <= throttleFirst;
            byte[] body = (throttle ? "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}" : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(throttle ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** An HTTP client builder that records what the SDK asks of it, over the JDK's HTTP client. */
    private static final class RecordingHttpClient implements SdkHttpClient.Builder<RecordingHttpClient> {
        private final List<AttributeMap> built = new CopyOnWriteArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            built.add(serviceDefaults);
            SdkHttpClient delegate = UrlConnectionHttpClient.builder().buildWithDefaults(serviceDefaults);
            return new SdkHttpClient() {
                @Override
                public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                    requests.incrementAndGet();
                    return delegate.prepareRequest(request);
                }

                @Override
                public void close() {
                    delegate.close();
                }
            };
        }
    }

    private void pause() {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
