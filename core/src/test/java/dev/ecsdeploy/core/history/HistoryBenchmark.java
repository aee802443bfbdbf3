package dev.ecsdeploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.report.HistoryReport;
import dev.ecsdeploy.core.report.ReportOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the history at 10,000 and 100,000 recorded lines: "what runs now" without and with a snapshot, reading
 * the whole history, rendering the page, compaction. Not part of the default build; run it with
 *
 * <pre>./mvnw -o -ntp -pl core -am test -Dtest=HistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * and read the table in core/target/history-benchmark.txt.
 */
class HistoryBenchmark {
    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");
    private static final int SERVICES = 20;
    private static final Path OUTPUT = Path.of("target", "history-benchmark.txt");
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path directory;

    private final List<String> rows = new ArrayList<>();

    @Test
    void shouldAnswerWhatRunsNowFromTheTailWhateverTheHistorySize() throws IOException {
        measure(2_000); // warms up the JIT and Jackson; not reported
        rows.clear();
        row("lines", "operation", "time ms", "allocated MiB", "bytes read", "journal bytes", "note");
        measure(10_000);
        measure(100_000);
        String table = String.join("\n", rows) + "\n";
        Files.createDirectories(OUTPUT.getParent());
        Files.writeString(OUTPUT, table);
        System.out.print(table);
    }

    private void measure(int lines) {
        var store = HistoryStore.builder()
                .directory(directory.resolve("h" + lines))
                .syncOnAppend(false)
                .build();
        var generated = generate(lines);
        for (int from = 0; from < generated.size(); from += 5_000) {
            store.appendAll(generated.subList(from, Math.min(generated.size(), from + 5_000)));
        }
        forceToDisk(store); // as appends with syncOnAppend would have; else the snapshot's fsync pays for it
        long size = size(store);

        var cold = timed(store::currentServices);
        row(lines, "what runs now, no snapshot", cold, cold.value().bytesRead(), size, "reads it all once");
        assertThat(cold.value().bytesRead()).isEqualTo(size);

        store.appendAll(generate(100).stream().map(e -> renamed(e, "late-")).toList());
        size = size(store);
        var warm = timed(store::currentServices);
        row(
                lines,
                "what runs now, snapshot + 100 new",
                warm,
                warm.value().bytesRead(),
                size,
                warm.value().services().size() + " services");
        assertThat(warm.value().fromSnapshot()).isTrue();
        assertThat(warm.value().bytesRead()).isLessThan(256 * 1024);

        var read = timed(store::history);
        row(
                lines,
                "read whole history",
                read,
                size,
                size,
                read.value().entries().size() + " entries");
        assertThat(warm.value().services()).isEqualTo(read.value().current());

        var report = HistoryReport.create(ReportOptions.defaults().withEnvironments(ENVIRONMENTS));
        var page = timed(() -> report.standaloneHtml(read.value()));
        row(
                lines,
                "render page (from read history)",
                page,
                0,
                size,
                page.value().length() / 1024 + " KiB page");

        var compaction = timed(store::compact);
        row(lines, "compact", compaction, size, size, compaction.value().entriesAfter() + " entries kept");
    }

    /** Returns lines as a busy team would record them: deployments with an in-progress update, builds, tasks. */
    private static List<HistoryEntry> generate(int lines) {
        var entries = new ArrayList<HistoryEntry>(lines);
        int n = 0;
        while (entries.size() < lines) {
            String environment = ENVIRONMENTS.get(n % ENVIRONMENTS.size());
            String service = "service-" + (n / ENVIRONMENTS.size() % SERVICES);
            String digest = HistoryFixtures.digest((char) ('a' + n % 6));
            int minute = n;
            if (n % 10 == 0) {
                entries.add(HistoryFixtures.build(
                        "b" + n, service, digest, minute, List.of("1." + n), HistoryFixtures.scan(0, 1, 2), true));
            } else if (n % 10 == 5) {
                entries.add(HistoryFixtures.task(
                        "t" + n, environment, service, minute, OperationStatus.SUCCEEDED, 0, null));
            } else {
                var status = n % 7 == 0 ? OperationStatus.ROLLED_BACK : OperationStatus.SUCCEEDED;
                entries.add(HistoryFixtures.deployment(
                        "d" + n, environment, service, "rolling", digest, minute, OperationStatus.IN_PROGRESS, null));
                entries.add(HistoryFixtures.deployment(
                        "d" + n,
                        environment,
                        service,
                        "rolling",
                        digest,
                        minute,
                        status,
                        status == OperationStatus.ROLLED_BACK ? "circuit breaker tripped" : null));
            }
            n++;
        }
        return entries.subList(0, lines);
    }

    private static HistoryEntry renamed(HistoryEntry entry, String prefix) {
        if (entry instanceof DeploymentEntry deployment) {
            return deployment.toBuilder().id(prefix + entry.id()).build();
        }
        if (entry instanceof TaskRunEntry task) {
            return task.toBuilder().id(prefix + entry.id()).build();
        }
        return ((ImageBuildEntry) entry).toBuilder().id(prefix + entry.id()).build();
    }

    private static <T> Timed<T> timed(Supplier<T> work) {
        System.gc();
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        T value = work.get();
        long nanos = System.nanoTime() - start;
        return new Timed<>(value, Duration.ofNanos(nanos), THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore);
    }

    private record Timed<T>(T value, Duration time, long allocatedBytes) {}

    private void row(int lines, String operation, Timed<?> timed, long bytesRead, long journalBytes, String note) {
        row(
                String.format(Locale.ROOT, "%,d", lines),
                operation,
                Long.toString(timed.time().toMillis()),
                String.format(Locale.ROOT, "%.1f", timed.allocatedBytes() / 1024.0 / 1024.0),
                String.format(Locale.ROOT, "%,d", bytesRead),
                String.format(Locale.ROOT, "%,d", journalBytes),
                note);
    }

    private void row(String... cells) {
        var widths = Map.of(0, 8, 1, 36, 2, 8, 3, 14, 4, 14, 5, 14);
        var line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ')
                    .append(String.format("%-" + widths.getOrDefault(i, 20) + "s", cells[i]))
                    .append(" |");
        }
        rows.add(line.toString());
    }

    private static void forceToDisk(HistoryStore store) {
        try (var channel =
                java.nio.channels.FileChannel.open(store.journalFile(), java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long size(HistoryStore store) {
        try {
            return Files.size(store.journalFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
