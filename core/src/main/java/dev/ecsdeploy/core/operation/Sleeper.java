package dev.ecsdeploy.core.operation;

import java.time.Duration;

/** Waits between rounds of {@link LongOperation#await}; tests advance an emulated clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps with {@code sleeper}, carrying on through interruptions (used once an abort is under way). */
    static void uninterruptibly(Sleeper sleeper, Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            // Already aborting: the next poll goes ahead at once.
        }
    }
}
