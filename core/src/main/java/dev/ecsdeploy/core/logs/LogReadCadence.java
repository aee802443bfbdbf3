package dev.ecsdeploy.core.logs;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before reading a stream again. Reads are quick while lines arrive and slow down to {@link #idle()}
 * once the stream is quiet, so an idle stream costs at most one GetLogEvents call per {@code idle} (5 s by
 * default). CloudWatch Logs says GetLogEvents is meant for people rather than automation, so the budget matters.
 *
 * @param active the pause after a read that returned lines
 * @param idle the longest pause, used once the stream is caught up or throttled
 */
public record LogReadCadence(Duration active, Duration idle) {
    /** Reads every 2 s while lines arrive and every 5 s once idle. */
    public static final LogReadCadence DEFAULT = new LogReadCadence(Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** A page this large may have been cut short by the 1 MB / 10,000 event limit: read again at once. */
    static final int LARGE_PAGE = 1000;

    public LogReadCadence {
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(idle, "idle");
        if (active.isNegative() || active.compareTo(idle) > 0) {
            throw new IllegalArgumentException(
                    "log read cadence is invalid: active (" + active + ") must be between 0 and idle (" + idle + ")");
        }
    }

    /** Returns the pause after a read that returned {@code events} events. */
    public Duration afterEvents(int events) {
        return events >= LARGE_PAGE ? Duration.ZERO : active;
    }

    /** Returns the pause after a read that returned nothing new but moved the token: more may follow at once. */
    public Duration afterEmptyPage() {
        return active;
    }

    /**
     * Returns the pause after a read that found the stream caught up or missing: doubling from {@code active} up to
     * {@code idle}, so a stream that just went quiet is checked again soon and a long-quiet one rarely.
     */
    public Duration afterQuiet(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        Duration atLeastActive = doubled.compareTo(active) < 0 ? active : doubled;
        return atLeastActive.compareTo(idle) > 0 ? idle : atLeastActive;
    }

    /** Returns the pause after a throttled or failed read: back off to the idle pace. */
    public Duration afterThrottled() {
        return idle;
    }
}
