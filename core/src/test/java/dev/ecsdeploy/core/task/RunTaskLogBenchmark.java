package dev.ecsdeploy.core.task;

import static dev.ecsdeploy.core.task.RunTaskFixtures.IMAGE;
import static dev.ecsdeploy.core.task.RunTaskFixtures.numbered;
import static dev.ecsdeploy.core.task.RunTaskFixtures.request;
import static dev.ecsdeploy.core.task.RunTaskFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures log latency and API cost of the run-task engine in emulated time: the delay from a line being written
 * (its emulated timestamp) to reaching the listener, and GetLogEvents and DescribeTasks calls per stream per minute,
 * for a chatty task (10 lines/s) and a quiet one (a line every 30 s). The emulator's clock runs 10 times faster than
 * real time and the runner sleeps on it, so the poll cadence is exercised as in production. Not part of the default
 * build; run it with
 *
 * <pre>
 * ./mvnw -o -ntp -pl core -am test -Dtest=RunTaskLogBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * cat core/target/run-task-log-benchmark.md
 * </pre>
 */
class RunTaskLogBenchmark {
    private static final double SPEED = 10;
    private static final List<String> TABLE = new ArrayList<>();

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withSpeed(SPEED);

    @Test
    void shouldMeasureAChattyTask() {
        measure("chatty: 10 lines/s for 120 s", Duration.ofSeconds(120), 1200);
    }

    @Test
    void shouldMeasureAQuietTask() {
        measure("quiet: 1 line/30 s for 240 s", Duration.ofSeconds(240), 8);
    }

    @AfterAll
    static void writeTable() throws IOException {
        List<String> out = new ArrayList<>();
        out.add("| workload | lines | delay median (s) | delay p95 (s) | delay max (s) | GetLogEvents /stream/min"
                + " | DescribeTasks /min |");
        out.add("|---|---|---|---|---|---|---|");
        out.addAll(TABLE);
        Path file = Path.of("target", "run-task-log-benchmark.md");
        Files.write(file, out);
        out.forEach(System.out::println);
    }

    private void measure(String name, Duration run, int lines) {
        Emulator emulator = aws.emulator();
        RunTaskFixtures.cluster(aws.ecs());
        RunTaskFixtures.taskDefinition(aws.ecs(), RunTaskFixtures.app());
        emulator.ecs().simulate(IMAGE, workload(run, 0, numbered("line", lines)));
        DelayRecorder recorder = new DelayRecorder(emulator);
        TaskRunResult result;
        Instant start;
        Instant end;
        try (AwsClients clients = new AwsClients()) {
            BlockingRunner runner = new BlockingRunner(
                    EcsTaskRunner.builder()
                            .clients(clients)
                            .connection(RunTaskFixtures.connection(emulator))
                            .clock(emulator::now)
                            .build(),
                    d -> Thread.sleep(emulator.clock().realMillisFor(d)));
            start = emulator.now();
            result = runner.runAndWait(request().build(), recorder);
            end = emulator.now();
        }
        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(recorder.lines).isEqualTo(numbered("line", lines));
        double minutes = Duration.between(start, end).toMillis() / 60_000.0;
        double logCalls = emulator.callLog().count("logs", "GetLogEvents") / minutes;
        double describeCalls = emulator.callLog().count("ecs", "DescribeTasks") / minutes;
        List<Double> delays = recorder.delays.stream().sorted().toList();
        TABLE.add(String.format(
                Locale.ROOT,
                "| %s | %d | %.2f | %.2f | %.2f | %.1f | %.1f |",
                name,
                lines,
                percentile(delays, 50),
                percentile(delays, 95),
                delays.get(delays.size() - 1),
                logCalls,
                describeCalls));
        assertThat(describeCalls).isLessThanOrEqualTo(13.0);
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    /** Records, for every log line, how many emulated seconds passed between writing and delivery. */
    private static final class DelayRecorder implements ProgressListener {
        final List<String> lines = new ArrayList<>();
        final List<Double> delays = new ArrayList<>();
        private final Emulator emulator;

        DelayRecorder(Emulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void onEvent(ProgressEvent event) {
            if (EventKinds.isLogLine(event)) {
                lines.add(event.message());
                delays.add(Duration.between(event.time(), emulator.now()).toMillis() / 1000.0);
            }
        }
    }
}
