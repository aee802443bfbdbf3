package dev.ecsdeploy.core.logs;

import java.time.Instant;
import java.util.Objects;

/**
 * One log event read from a container's stream.
 *
 * @param stream the stream it came from
 * @param sequence its position in the stream, counted from 1 in delivery order
 * @param timestamp the event's own timestamp (when the container wrote it)
 * @param message the text, without a trailing newline
 */
public record LogLine(LogStreamRef stream, long sequence, Instant timestamp, String message) {
    public LogLine {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(message, "message");
    }
}
