package dev.ecsdeploy.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One PutLogEvents batch, checked as AWS checks it: 1 to 10,000 events in chronological order, at most 1 MB in all
 * (each event counts its UTF-8 message plus 26 bytes) and spanning at most 24 hours. A batch that breaks a rule
 * fails as a whole; events too far in the future or the past are only skipped and reported.
 */
final class LogEventBatch {
    private static final int MAX_EVENTS = 10_000;
    private static final int MAX_BYTES = 1_048_576;
    /** The API reference now allows 1 MB per event (it was 256 KB); with its 26 bytes of overhead the batch limit binds. */
    private static final int MAX_EVENT_BYTES = 1_048_576;

    private static final Duration MAX_SPAN = Duration.ofHours(24);
    private static final Duration TOO_NEW = Duration.ofHours(2);
    private static final Duration TOO_OLD = Duration.ofDays(14);

    private final List<LogEvent> events;

    private LogEventBatch(List<LogEvent> events) {
        this.events = events;
    }

    static LogEventBatch validate(JsonNode input) {
        if (!input.isArray() || input.isEmpty()) {
            throw LogsInput.violation(
                    input.isArray() ? "[]" : "null", "logEvents", "Member must have length greater than or equal to 1");
        }
        if (input.size() > MAX_EVENTS) {
            throw LogsInput.violation(
                    input.size(), "logEvents", "Member must have length less than or equal to " + MAX_EVENTS);
        }
        List<LogEvent> events = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < input.size(); i++) {
            LogEvent event = inputEvent(input.get(i), i + 1);
            requireInOrder(events, event);
            if (event.size() > MAX_EVENT_BYTES) {
                throw AwsException.invalidParameter(
                        "Log event too large: " + event.size() + " bytes exceeds limit of " + MAX_EVENT_BYTES);
            }
            bytes += event.size();
            events.add(event);
        }
        if (bytes > MAX_BYTES) {
            throw AwsException.invalidParameter("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BYTES);
        }
        if (events.get(events.size() - 1).timestamp() - events.get(0).timestamp() > MAX_SPAN.toMillis()) {
            throw AwsException.invalidParameter(
                    "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        return new LogEventBatch(events);
    }

    /** Stores the acceptable events, ingested {@code now}, and answers the {@code rejectedLogEventsInfo}. */
    ObjectNode appendTo(LogStream stream, Instant now, LongSupplier sequences) {
        ObjectNode rejected = JsonNodeFactory.instance.objectNode();
        long nowMillis = now.toEpochMilli();
        for (int i = 0; i < events.size(); i++) {
            LogEvent event = events.get(i);
            if (event.timestamp() > nowMillis + TOO_NEW.toMillis()) {
                rejected.put("tooNewLogEventStartIndex", i);
                break;
            }
            if (event.timestamp() < nowMillis - TOO_OLD.toMillis()) {
                rejected.put("tooOldLogEventEndIndex", i);
                continue;
            }
            stream.add(new LogEvent(event.timestamp(), sequences.getAsLong(), event.message(), nowMillis));
        }
        return rejected;
    }

    private static void requireInOrder(List<LogEvent> events, LogEvent next) {
        if (!events.isEmpty()
                && next.timestamp() < events.get(events.size() - 1).timestamp()) {
            throw AwsException.invalidParameter(
                    "Log events in a single PutLogEvents request must be in chronological order.");
        }
    }

    private static LogEvent inputEvent(JsonNode node, int position) {
        String member = "logEvents." + position + ".member";
        if (!node.hasNonNull("timestamp")) {
            throw LogsInput.violation("null", member + ".timestamp", "Member must not be null");
        }
        String message = node.path("message").asText("");
        if (message.isEmpty()) {
            throw LogsInput.violation(
                    message, member + ".message", "Member must have length greater than or equal to 1");
        }
        return new LogEvent(node.get("timestamp").asLong(), 0, message, 0);
    }
}
