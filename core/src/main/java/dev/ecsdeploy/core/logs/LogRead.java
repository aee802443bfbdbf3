package dev.ecsdeploy.core.logs;

import java.util.List;
import java.util.Objects;

/**
 * What one read of a stream produced: the new lines in order, the advanced cursor, and a problem worth telling the
 * user (a throttled call, a stream that can no longer be read), if any.
 *
 * @param cursor the cursor to use for the next read
 * @param lines the new lines, each delivered exactly once
 * @param problem a human-readable note about the read, {@code null} when it went fine
 */
public record LogRead(LogCursor cursor, List<LogLine> lines, String problem) {
    public LogRead {
        Objects.requireNonNull(cursor, "cursor");
        lines = List.copyOf(lines);
    }
}
