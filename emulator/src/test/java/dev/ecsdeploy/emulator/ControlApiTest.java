package dev.ecsdeploy.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ServiceUnavailableException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException;
import software.amazon.awssdk.services.sts.model.StsException;

class ControlApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldReportHealth() throws Exception {
        HttpResponse<String> response = send("GET", "health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void shouldDumpTheStateOfEveryService() throws Exception {
        aws.logs().createLogGroup(r -> r.logGroupName("/dumped"));
        aws.emulator().sts().defineRole("arn:aws:iam::123456789012:role/deployer");

        JsonNode state = json("GET", "state", null);

        assertThat(state.fieldNames()).toIterable().contains("now", "ecs", "ecr", "logs", "sts");
        assertThat(state.at("/logs/logGroups/0/logGroupName").asText()).isEqualTo("/dumped");
        assertThat(state.at("/sts/roles/0/arn").asText()).endsWith(":role/deployer");
    }

    @Test
    void shouldListAndClearTheCallLog() throws Exception {
        aws.logs().createLogGroup(r -> r.logGroupName("/logged"));
        aws.sts().getCallerIdentity();

        JsonNode calls = json("GET", "calls", null);
        send("DELETE", "calls", null);

        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("service").asText()).isEqualTo("logs");
        assertThat(calls.get(0).get("operation").asText()).isEqualTo("CreateLogGroup");
        assertThat(calls.get(0).at("/parameters/logGroupName").asText()).isEqualTo("/logged");
        assertThat(calls.get(0).get("outcome").asText()).isEqualTo("OK");
        assertThat(calls.get(1).get("operation").asText()).isEqualTo("GetCallerIdentity");
        assertThat(json("GET", "calls", null)).isEmpty();
    }

    @Test
    void shouldThrottleUntilTheFaultIsRemovedAndLogTheRetries() throws Exception {
        JsonNode rules = json("POST", "faults", "{\"target\":\"logs:DescribeLogGroups\",\"throttlePercent\":100}");
        assertThat(rules.at("/0/target").asText()).isEqualTo("logs:DescribeLogGroups");
        assertThat(rules.at("/0/throttlePercent").asDouble()).isEqualTo(100);

        assertThatThrownBy(() -> aws.logs().describeLogGroups()).isInstanceOf(ThrottlingException.class);
        List<String> outcomes = outcomes(json("GET", "calls", null));
        send("DELETE", "faults", null);

        assertThat(outcomes).hasSizeGreaterThan(1).containsOnly("ThrottlingException");
        assertThat(aws.logs().describeLogGroups().logGroups()).isEmpty();
        assertThat(json("GET", "faults", null)).isEmpty();
    }

    @Test
    void shouldInjectServerErrorsInEitherProtocol() throws Exception {
        json("POST", "faults", "{\"target\":\"*\",\"serverErrorPercent\":100}");

        try (EmulatorClients once = noRetries()) {
            assertThatThrownBy(() -> once.logs().describeLogGroups())
                    .isInstanceOfSatisfying(
                            ServiceUnavailableException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(503));
            assertThatThrownBy(() -> once.sts().getCallerIdentity())
                    .isInstanceOfSatisfying(
                            StsException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        }
        assertThat(outcomes(json("GET", "calls", null))).containsOnly("ServiceUnavailableException");
    }

    @Test
    void shouldThrottleStsInItsOwnXmlShape() throws Exception {
        json("POST", "faults", "{\"target\":\"sts:GetCallerIdentity\",\"throttlePercent\":100}");

        try (EmulatorClients once = noRetries()) {
            assertThatThrownBy(() -> once.sts().getCallerIdentity()).isInstanceOfSatisfying(StsException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                assertThat(e.isThrottlingException()).isTrue();
            });
        }
    }

    @Test
    void shouldDropConnections() throws Exception {
        json("POST", "faults", "{\"target\":\"logs\",\"dropPercent\":100}");

        try (EmulatorClients once = noRetries()) {
            assertThatThrownBy(() -> once.logs().describeLogGroups()).isInstanceOf(SdkClientException.class);
        }
        assertThat(outcomes(json("GET", "calls", null))).containsExactly("ConnectionDropped");
    }

    @Test
    void shouldAddLatency() throws Exception {
        JsonNode rules = json("POST", "faults", "{\"target\":\"logs:DescribeLogGroups\",\"latencyMillis\":300}");
        assertThat(json("GET", "faults", null)).isEqualTo(rules);
        assertThat(rules.at("/0/latencyMillis").asLong()).isEqualTo(300);

        long started = System.nanoTime();
        aws.logs().describeLogGroups();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void shouldReplayTheSameFaultsWithTheSameSeed() throws Exception {
        json("POST", "faults", "{\"target\":\"logs:DescribeLogGroups\",\"throttlePercent\":50}");

        List<Boolean> first = throttledPattern(20);
        List<Boolean> second = throttledPattern(20);

        assertThat(first).contains(true, false).isEqualTo(second);
    }

    @Test
    void shouldAdvanceTheManualClock() throws Exception {
        Instant before = aws.emulator().now();

        JsonNode clock = json("POST", "clock/advance", "{\"seconds\":90}");

        assertThat(Instant.parse(clock.get("now").asText())).isEqualTo(before.plusSeconds(90));
        assertThat(aws.emulator().now()).isEqualTo(before.plusSeconds(90));
        assertThat(json("GET", "clock", null).get("speed").asDouble()).isZero();
    }

    @Test
    void shouldDefineRolesForOutOfProcessClients() throws Exception {
        JsonNode sts = json(
                "POST",
                "sts/roles",
                "{\"roleArn\":\"arn:aws:iam::123456789012:role/ci\",\"externalId\":\"ext-9\","
                        + "\"maxSessionDurationSeconds\":7200}");

        assertThat(sts.at("/roles/0/maxSessionDurationSeconds").asLong()).isEqualTo(7200);
        assertThat(aws.sts()
                        .assumeRole(r -> r.roleArn("arn:aws:iam::123456789012:role/ci")
                                .roleSessionName("cli")
                                .externalId("ext-9")
                                .durationSeconds(7200))
                        .assumedRoleUser()
                        .arn())
                .endsWith(":assumed-role/ci/cli");
        assertThat(send("POST", "sts/roles", "{\"roleArn\":\"not-an-arn\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownControlPath() throws Exception {
        assertThat(send("GET", "no/such/path", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "faults", "{\"throttlePercent\":5}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void shouldRefuseARequestFromAForeignOrigin() throws Exception {
        HttpResponse<String> response = send(
                "POST", "faults", "{\"target\":\"*\",\"dropPercent\":100}", "https://evil.example", "application/json");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(aws.emulator().faults().rules()).isEmpty();
    }

    @Test
    void shouldAcceptItsOwnOrigin() throws Exception {
        HttpResponse<String> response =
                send("GET", "health", null, "http://127.0.0.1:" + aws.emulator().port(), "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASimpleTextPlainPost() throws Exception {
        HttpResponse<String> response =
                send("POST", "faults", "{\"target\":\"*\",\"dropPercent\":100}", null, "text/plain");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("UnsupportedMediaTypeException");
        assertThat(aws.emulator().faults().rules()).isEmpty();
    }

    @Test
    void shouldRefuseAForeignHostAsDnsRebindingWouldSendIt() throws Exception {
        String request = "POST /_emulator/faults HTTP/1.1\r\nHost: attacker.example:"
                + aws.emulator().port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";

        String response = rawExchange(request);

        assertThat(response).startsWith("HTTP/1.1 403").contains("AccessDeniedException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "5", "\"text\""})
    void shouldAnswerABodyThatIsNotAnObjectWithAnAwsError(String body) throws Exception {
        HttpResponse<String> response = send("POST", "faults", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("SerializationException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "1e300", "\"soon\"", "31622400"})
    void shouldRefuseAnAbsurdClockAdvance(String seconds) throws Exception {
        Instant before = aws.emulator().now();

        HttpResponse<String> response = send("POST", "clock/advance", "{\"seconds\":" + seconds + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("ValidationException");
        assertThat(JSON.readTree(response.body()).get("message").asText()).contains("one year");
        assertThat(aws.emulator().now()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnAbsurdLatency() throws Exception {
        HttpResponse<String> response = send("POST", "faults", "{\"target\":\"*\",\"latencyMillis\":1e15}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("ValidationException");
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", aws.emulator().port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<Boolean> throttledPattern(int calls) throws Exception {
        json("POST", "faults/seed?seed=7", null);
        List<Boolean> throttled = new ArrayList<>();
        try (EmulatorClients once = noRetries()) {
            CloudWatchLogsClient logs = once.logs();
            for (int i = 0; i < calls; i++) {
                try {
                    logs.describeLogGroups();
                    throttled.add(false);
                } catch (ThrottlingException e) {
                    throttled.add(true);
                }
            }
        }
        return throttled;
    }

    private EmulatorClients noRetries() {
        return new EmulatorClients(aws.emulator(), c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }

    private static List<String> outcomes(JsonNode calls) {
        List<String> outcomes = new ArrayList<>();
        calls.forEach(call -> outcomes.add(call.get("outcome").asText()));
        return outcomes;
    }

    private JsonNode json(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        return send(method, path, body, null, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String origin, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        aws.emulator().endpoint().resolve(URI.create("/_emulator/" + path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
