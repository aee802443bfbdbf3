package dev.ecsdeploy.core.task;

import java.time.Duration;

/**
 * Waits between polls in {@link EcsTaskRunner#runAndWait}. Injectable so tests can move an emulated clock instead
 * of sleeping, and so poll cadences are measured in emulated seconds.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(long)}. */
    Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
