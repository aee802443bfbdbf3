package dev.ecsdeploy.core.operation;

import java.time.Duration;

/** Waits between rounds of {@link LongOperation#await}; tests advance an emulated clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
