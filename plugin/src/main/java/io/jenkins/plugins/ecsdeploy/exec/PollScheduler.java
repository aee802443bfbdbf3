package io.jenkins.plugins.ecsdeploy.exec;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Where durable executions run their polls: a shared, bounded pool, never a CPS VM thread. Delays are on the
 * operation's clock; a scheduler for the emulator may run them faster.
 */
public interface PollScheduler {
    /** Runs {@code task} once after {@code delay}; the future cancels it. */
    Future<?> schedule(Runnable task, Duration delay);

    /** Runs {@code task} as soon as a pool thread is free: the non-polling work of a short step. */
    default Future<?> submit(Runnable task) {
        return schedule(task, Duration.ZERO);
    }
}
