package dev.ecsdeploy.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * FilterLogEvents over one group: the events of the chosen streams that match the pattern, interleaved by time and
 * paged with an opaque token. It is meant for a single search by a human; the 5 TPS limit is applied by the caller.
 */
final class LogEventFilter {
    private static final int MAX_STREAM_NAMES = 100;

    private LogEventFilter() {}

    private record Hit(LogStream stream, LogEvent event) {}

    static JsonNode filter(LogGroup group, LogsInput in, LogEventReader.Window window) {
        List<LogStream> streams = selectedStreams(group, in);
        FilterPattern pattern = FilterPattern.parse(in.text("filterPattern").orElse(""));
        int limit = in.limit(LogEventReader.MAX_EVENTS, LogEventReader.MAX_EVENTS);
        LogEvent.Position after =
                in.text("nextToken").map(LogEventFilter::decode).orElse(null);
        List<Hit> hits = new ArrayList<>();
        for (LogStream stream : streams) {
            for (LogEvent event : stream.events()) {
                boolean inWindow = !window.before(event) && !window.after(event);
                boolean notYetSeen = after == null || event.position().compareTo(after) > 0;
                if (inWindow && notYetSeen && pattern.matches(event.message())) {
                    hits.add(new Hit(stream, event));
                }
            }
        }
        hits.sort(Comparator.comparing(hit -> hit.event().position()));
        return render(hits, streams, limit);
    }

    private static List<LogStream> selectedStreams(LogGroup group, LogsInput in) {
        JsonNode names = in.node("logStreamNames");
        Optional<String> prefix = in.text("logStreamNamePrefix");
        if (names.isArray() && prefix.isPresent()) {
            throw AwsException.invalidParameter("Cannot specify both logStreamNames and logStreamNamePrefix.");
        }
        if (names.isArray()) {
            if (names.isEmpty() || names.size() > MAX_STREAM_NAMES) {
                throw LogsInput.violation(
                        names.size(), "logStreamNames", "Member must have length between 1 and " + MAX_STREAM_NAMES);
            }
            List<LogStream> streams = new ArrayList<>();
            names.forEach(name -> group.stream(name.asText()).ifPresent(streams::add));
            return streams;
        }
        return group.streams().values().stream()
                .filter(stream -> prefix.map(stream.name()::startsWith).orElse(true))
                .toList();
    }

    private static JsonNode render(List<Hit> hits, List<LogStream> streams, int limit) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode events = output.putArray("events");
        for (Hit hit : hits.subList(0, Math.min(limit, hits.size()))) {
            events.addObject()
                    .put("logStreamName", hit.stream().name())
                    .put("timestamp", hit.event().timestamp())
                    .put("message", hit.event().message())
                    .put("ingestionTime", hit.event().ingestionTime())
                    .put("eventId", String.format("%056d", hit.event().sequence()));
        }
        ArrayNode searched = output.putArray("searchedLogStreams");
        streams.forEach(stream ->
                searched.addObject().put("logStreamName", stream.name()).put("searchedCompletely", true));
        if (hits.size() > limit) {
            output.put("nextToken", encode(hits.get(limit - 1).event().position()));
        }
        return output;
    }

    private static String encode(LogEvent.Position position) {
        String raw = "after:" + position.timestamp() + ":" + position.sequence();
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static LogEvent.Position decode(String token) {
        try {
            String[] parts = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("after")) {
                return new LogEvent.Position(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            // answered below like any other token this emulator did not issue
        }
        throw AwsException.invalidParameter("The specified nextToken is invalid.");
    }
}
