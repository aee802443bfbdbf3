package dev.ecsdeploy.emulator.logs;

import dev.ecsdeploy.emulator.http.AwsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A hard limit of {@code permits} calls in any one second of emulated time, as AWS enforces for FilterLogEvents
 * (5 TPS per account and Region). Calls over the limit fail with ThrottlingException and do not count.
 */
final class RateLimit {
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final int permits;
    private final Deque<Instant> admitted = new ArrayDeque<>();

    RateLimit(int permits) {
        this.permits = permits;
    }

    void acquire(Instant now) {
        while (!admitted.isEmpty() && !admitted.peekFirst().isAfter(now.minus(WINDOW))) {
            admitted.removeFirst();
        }
        if (admitted.size() >= permits) {
            throw AwsException.client("ThrottlingException", "Rate exceeded");
        }
        admitted.addLast(now);
    }
}
