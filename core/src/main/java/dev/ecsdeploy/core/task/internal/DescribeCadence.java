package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.task.*;
import java.time.Duration;

/**
 * When to call DescribeTasks next. Right after RunTask (or StopTask) the interval grows 1 s, 2 s, 4 s, because that
 * is when tasks change state and AWS advises backing off while a new task becomes visible; after that it stays at
 * 5 s, so a steady run costs at most one DescribeTasks call per 5 s however many tasks it has.
 */
public final class DescribeCadence {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration STEADY = Duration.ofSeconds(5);
    /** A task missing from DescribeTasks this soon after RunTask is eventual consistency, not a failure. */
    static final Duration MISSING_GRACE = Duration.ofSeconds(30);
    /** StopTask sends SIGTERM and SIGKILL after 30 s; allow for that, a slow agent and a slow DescribeTasks. */
    static final Duration STOP_GRACE = Duration.ofMinutes(3);
    /** How long to keep reading logs after every task stopped before declaring them incomplete. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    /** DescribeTasks accepts at most 100 tasks per call. */
    static final int BATCH = 100;

    private DescribeCadence() {}

    /** Returns the pause after the {@code describesSoFar}-th DescribeTasks call since RunTask or StopTask. */
    static Duration after(int describesSoFar) {
        if (describesSoFar >= 3) {
            return STEADY;
        }
        Duration ramp = FIRST.multipliedBy(1L << Math.max(0, describesSoFar));
        return ramp.compareTo(STEADY) > 0 ? STEADY : ramp;
    }

    /** Renders a timeout the way people say it: {@code 10m}, {@code 90s}, {@code 1h30m}. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        StringBuilder text = new StringBuilder();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (rest > 0 || text.length() == 0) {
            text.append(rest).append('s');
        }
        return text.toString();
    }
}
