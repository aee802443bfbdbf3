package io.jenkins.plugins.ecsdeploy.exec;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link PollScheduler} on a fixed pool of daemon threads. The plugin owns one (see {@link #shared()}), sized by
 * the system property {@code ecsdeploy.pollThreads} (default 4), so that slow AWS calls never occupy Jenkins' own
 * {@code jenkins.util.Timer} threads, and so that the number of threads stays the same however many deployments run.
 */
public final class ExecutorPollScheduler implements PollScheduler, AutoCloseable {
    static final int DEFAULT_THREADS = 4;

    private static final class Holder {
        static final ExecutorPollScheduler SHARED =
                new ExecutorPollScheduler(Integer.getInteger("ecsdeploy.pollThreads", DEFAULT_THREADS), 1.0);
    }

    private final ScheduledThreadPoolExecutor executor;
    private final double speed;

    /**
     * A scheduler with {@code threads} threads whose delays are divided by {@code speed} (1 in Jenkins; the
     * emulator's speed-up in tests and the benchmark, where the operation's clock runs faster than real time).
     */
    public ExecutorPollScheduler(int threads, double speed) {
        executor = new ScheduledThreadPoolExecutor(threads, daemonThreads());
        executor.setRemoveOnCancelPolicy(true);
        this.speed = speed;
    }

    public static ExecutorPollScheduler shared() {
        return Holder.SHARED;
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        long micros = (long) (Math.max(0, delay.toNanos() / 1000) / speed);
        return executor.schedule(task, micros, TimeUnit.MICROSECONDS);
    }

    /** How many threads the pool has started; never more than it was created with. */
    public int threadCount() {
        return executor.getPoolSize();
    }

    /**
     * Stops taking polls: waiting ones are dropped, a running one may finish. What a controller shutdown does; the
     * executions resume from their saved handles.
     */
    public boolean quiesce(Duration patience) throws InterruptedException {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.shutdown();
        return executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "ecs-deploy-poll-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
