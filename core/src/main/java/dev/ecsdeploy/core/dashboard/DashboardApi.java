package dev.ecsdeploy.core.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.history.HistoryJson;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a dashboard request (a path below the dashboard's URL and its query parameters) into JSON, so a Jenkins
 * Action, the CLI or a test server answers the page's requests with the same code.
 *
 * <p>Paths: {@code now}, {@code timeline} (environment, application, status, text, order=oldest, offset, limit),
 * {@code target} (target, offset, limit), {@code diff} (from and to deployment ids, or application with
 * fromEnvironment and toEnvironment), {@code promotion}, {@code metrics} (days, default 30).
 */
public final class DashboardApi {
    // Unlike the store, the page gets every field, null and empty ones included, so it needs no defaults.
    private static final ObjectMapper JSON =
            HistoryJson.newMapper().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private final DashboardQuery query;

    /** The answer: an HTTP status and a JSON body. */
    public record Response(int status, String json) {}

    public DashboardApi(DashboardQuery query) {
        this.query = query;
    }

    /** Answers one request for a user who may read the jobs the predicate accepts. */
    public Response handle(String path, Map<String, String> parameters, Predicate<String> mayReadJob) {
        try {
            return switch (path) {
                case "now" -> ok(query.now(mayReadJob));
                case "timeline" -> ok(query.timeline(timelineQuery(parameters), mayReadJob));
                case "target" ->
                    ok(query.targetHistory(
                            parameters.getOrDefault("target", ""),
                            number(parameters, "offset", 0),
                            number(parameters, "limit", 50),
                            mayReadJob));
                case "diff" -> diff(parameters, mayReadJob);
                case "promotion" -> ok(query.promotion(mayReadJob));
                case "metrics" -> ok(query.metrics(Duration.ofDays(number(parameters, "days", 30)), mayReadJob));
                default -> error(404, "no dashboard data at '" + path + "'");
            };
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private Response diff(Map<String, String> parameters, Predicate<String> mayReadJob) {
        var diff = parameters.containsKey("application")
                ? query.diffEnvironments(
                        parameters.get("application"),
                        parameters.get("fromEnvironment"),
                        parameters.get("toEnvironment"),
                        mayReadJob)
                : query.diff(parameters.getOrDefault("from", ""), parameters.getOrDefault("to", ""), mayReadJob);
        return diff.map(DashboardApi::ok).orElseGet(() -> error(404, "no such deployments to compare"));
    }

    private static TimelineQuery timelineQuery(Map<String, String> parameters) {
        return new TimelineQuery(
                parameters.get("environment"),
                parameters.get("application"),
                parameters.get("status"),
                parameters.get("text"),
                "oldest".equals(parameters.get("order")),
                number(parameters, "offset", 0),
                number(parameters, "limit", 50));
    }

    private static int number(Map<String, String> parameters, String name, int fallback) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    private static Response ok(Object value) {
        try {
            return new Response(200, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard data not serialisable: " + e.getMessage(), e);
        }
    }

    private static Response error(int status, String message) {
        return new Response(status, "{\"error\":" + quoted(message) + "}");
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
