package dev.ecsdeploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds out whether an endpoint is the ecs-deploy emulator (it answers {@code GET /_emulator/clock}) and, if so,
 * follows its clock. A manual (stopped) emulator clock is advanced through {@code POST /_emulator/clock/advance} by
 * exactly each wait, so commands against it finish at once and deterministically.
 */
final class EmulatorTime {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmulatorTime() {}

    /** The emulator's time source when {@code endpoint} is an emulator, else empty. */
    static Optional<TimeSource> probe(URI endpoint) {
        return get(endpoint.resolve("/_emulator/clock")).map(clock -> timeSource(endpoint, clock));
    }

    private static TimeSource timeSource(URI endpoint, JsonNode clock) {
        Instant now = Instant.parse(clock.path("now").asText());
        double speed = clock.path("speed").asDouble(1);
        return speed > 0 ? TimeSource.running(now, speed) : new ManualTime(endpoint, now);
    }

    private static Optional<JsonNode> get(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(response.body());
            return body.has("now") && body.has("speed") ? Optional.of(body) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A stopped emulator clock that moves only when a command waits. */
    private static final class ManualTime extends TimeSource {
        private final URI advance;
        private Instant now;

        ManualTime(URI endpoint, Instant now) {
            this.advance = endpoint.resolve("/_emulator/clock/advance");
            this.now = now;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        synchronized void sleep(Duration emulated) throws InterruptedException {
            if (emulated.isNegative() || emulated.isZero()) {
                return;
            }
            double seconds = emulated.toMillis() / 1000.0;
            HttpRequest request = HttpRequest.newBuilder(URI.create(advance + "?seconds=" + seconds))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            try {
                String body =
                        HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
                now = Instant.parse(JSON.readTree(body).path("now").asText());
            } catch (IOException e) {
                throw new CliFailure(
                        ExitCode.AWS_OR_TOOL_ERROR,
                        "emulator clock did not advance: " + e.getMessage(),
                        "check that the emulator at " + advance.getAuthority() + " is still running");
            }
        }

        @Override
        String describe() {
            return "manual emulator clock (advanced by each wait)";
        }
    }
}
