package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.AbortException;
import io.jenkins.plugins.ecsdeploy.exec.PollScheduler;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One controller follows many concurrent deployments with a bounded number of threads: {@value #DEFAULT_DEPLOYMENTS}
 * rolling deployments (one in twenty with a crashing image, which the circuit breaker rolls back) run as plugin step
 * executions on the plugin's own poll scheduler (4 threads, {@code -Dbenchmark.threads}) against the emulator running
 * 5x faster than real time ({@code -Dbenchmark.speed}). It reports the pool size, the JVM's peak thread count, how late polls ran
 * (p50, p95, max) and every verdict. Not part of the normal build; run it with:
 *
 * <pre>./mvnw -ntp -o -pl plugin -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>{@code -Dbenchmark.deployments=N} changes the count. The report goes to {@code
 * plugin/target/benchmark/scale.md}; docs/user/scale-benchmark.md records a run.
 */
class ScaleBenchmark {
    static final int DEFAULT_DEPLOYMENTS = 200;
    static final int POLL_THREADS = Integer.getInteger("benchmark.threads", 4);
    static final double SPEED = Double.parseDouble(System.getProperty("benchmark.speed", "5"));

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(SPEED);

    private EmulatorServices services;
    private EcsWorld world;

    @BeforeEach
    void prepare() {
        services = EmulatorServices.install(AWS.emulator(), POLL_THREADS);
        world = new EcsWorld(AWS.emulator(), AWS.ecs());
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void shouldFollowEveryDeploymentWithABoundedPool() throws Exception {
        int count = Integer.getInteger("benchmark.deployments", DEFAULT_DEPLOYMENTS);
        for (int i = 0; i < count; i++) {
            world.createService("scale-" + i, 1);
        }
        for (int i = 0; i < count; i++) {
            world.settle("scale-" + i);
        }
        Lateness lateness = new Lateness(services.scheduler(), SPEED);
        EmulatorServices.replaceScheduler(lateness);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        int threadsBefore = threads.getThreadCount();

        ThreadCensus census = new ThreadCensus();
        census.start();
        long started = System.nanoTime();
        List<TestStepContext> contexts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EcsDeployRollingStep step = new EcsDeployRollingStep("scale-" + i);
            step.setCluster(EcsWorld.CLUSTER);
            step.setImage(i % 20 == 19 ? EcsWorld.CRASHING : EcsWorld.HEALTHY_V2);
            TestStepContext context = new TestStepContext();
            step.start(context).start();
            contexts.add(context);
        }
        Map<String, Integer> verdicts = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String verdict = verdict(contexts.get(i));
            verdicts.merge(verdict, 1, Integer::sum);
            lines.add("| scale-" + i + " | " + (i % 20 == 19 ? "crashing" : "healthy") + " | " + verdict + " |");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        census.interrupt();
        census.join();

        String report = report(count, seconds, threadsBefore, threads.getPeakThreadCount(), lateness, verdicts, lines)
                + "\nThreads by name at the peak: " + census.atPeak() + "\n";
        Path out = Path.of("target", "benchmark", "scale.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);

        assertThat(services.pollScheduler().threadCount()).isLessThanOrEqualTo(POLL_THREADS);
        assertThat(verdicts).containsEntry("SUCCESSFUL", count - count / 20);
        assertThat(verdicts).containsEntry("ROLLED_BACK", count / 20);
    }

    private static String verdict(TestStepContext context) throws Exception {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(Duration.ofMinutes(10));
            return (String) result.get("status");
        } catch (AssertionError e) {
            if (e.getCause() instanceof AbortException failure
                    && failure.getMessage().contains("ROLLED_BACK")) {
                return "ROLLED_BACK";
            }
            return "FAILED: " + e.getCause();
        }
    }

    private static String report(
            int count,
            double seconds,
            int threadsBefore,
            int peakThreads,
            Lateness lateness,
            Map<String, Integer> verdicts,
            List<String> lines) {
        StringBuilder text = new StringBuilder("# Scale benchmark: " + count + " concurrent deployments\n\n");
        text.append("- emulator speed: ")
                .append(SPEED)
                .append("x; poll pool: ")
                .append(POLL_THREADS)
                .append(" threads\n");
        text.append(String.format("- wall time: %.1f s; polls run: %d%n", seconds, lateness.count()));
        text.append("- JVM threads before the deployments: ")
                .append(threadsBefore)
                .append("; peak while they ran: ")
                .append(peakThreads)
                .append('\n');
        text.append(String.format(
                "- poll lateness, polls with a due time (real ms late): p50 %.1f, p95 %.1f, max %.1f; p95 on the operation's"
                        + " clock: %.2f s%n",
                lateness.percentile(50),
                lateness.percentile(95),
                lateness.percentile(100),
                lateness.percentile(95) * SPEED / 1000));
        text.append(String.format(
                "- rounds due at once (starts, wake-ups), real ms late: p50 %.1f, p95 %.1f, max %.1f%n",
                lateness.immediatePercentile(50), lateness.immediatePercentile(95), lateness.immediatePercentile(100)));
        text.append(String.format(
                "- poll duration (real ms, one round of AWS calls): p50 %.1f, p95 %.1f, max %.1f%n",
                lateness.durationPercentile(50), lateness.durationPercentile(95), lateness.durationPercentile(100)));
        text.append("- verdicts: ").append(verdicts).append("\n\n| service | image | verdict |\n|---|---|---|\n");
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** Samples the live threads by name every 20 ms and keeps the sample with the most threads. */
    static final class ThreadCensus extends Thread {
        private volatile Map<String, Integer> atPeak = Map.of();
        private volatile int peak;

        ThreadCensus() {
            super("thread-census");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                Map<String, Integer> byName = new TreeMap<>();
                Thread.getAllStackTraces()
                        .keySet()
                        .forEach(t -> byName.merge(t.getName().replaceAll("[-#]?\\d+$", ""), 1, Integer::sum));
                int total = byName.values().stream().mapToInt(Integer::intValue).sum();
                if (total > peak) {
                    peak = total;
                    atPeak = byName;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Map<String, Integer> atPeak() {
            return atPeak;
        }
    }

    /** Wraps the plugin's scheduler and records how late each poll starts, in real milliseconds. */
    static final class Lateness implements PollScheduler {
        private final PollScheduler delegate;
        private final double speed;
        private final ConcurrentLinkedQueue<Double> late = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Double> immediateLate = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();
        private final ConcurrentLinkedQueue<Double> took = new ConcurrentLinkedQueue<>();

        Lateness(PollScheduler delegate, double speed) {
            this.delegate = delegate;
            this.speed = speed;
        }

        @Override
        public Future<?> schedule(Runnable task, Duration delay) {
            long due = System.nanoTime() + (long) (delay.toNanos() / speed);
            return delegate.schedule(
                    () -> {
                        // Rounds due at once are starts (validation, RegisterTaskDefinition) and wake-ups; the
                        // others are the polls of running deployments, which the lateness figure is about.
                        (delay.isZero() ? immediateLate : late).add(Math.max(0, System.nanoTime() - due) / 1e6);
                        count.incrementAndGet();
                        long begin = System.nanoTime();
                        task.run();
                        took.add((System.nanoTime() - begin) / 1e6);
                    },
                    delay);
        }

        int count() {
            return count.get();
        }

        double percentile(int p) {
            return percentile(late, p);
        }

        double immediatePercentile(int p) {
            return percentile(immediateLate, p);
        }

        double durationPercentile(int p) {
            return percentile(took, p);
        }

        private static double percentile(ConcurrentLinkedQueue<Double> values, int p) {
            List<Double> sorted = values.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
