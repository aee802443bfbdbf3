package dev.ecsdeploy.core.dashboard;

import static dev.ecsdeploy.core.dashboard.DashboardFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the job history endpoint and the dashboard data do not grow with entries that are not on the page:
 * the same queries against a history ten times larger read the same number of journal bytes, and take about the
 * same time. Runs at 1,000 and 10,000 entries in the normal build; rerun at the scale with
 *
 * <pre>
 * ./mvnw -ntp -q -pl core -am test -Dtest=DashboardBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddashboard.benchmark.entries=100000
 * </pre>
 *
 * which compares 10,000 with 100,000 entries (one job, ten deployments per build, so 100,000 entries over 10,000
 * builds) and the same entries spread over 200 jobs. The report goes to stdout and to
 * {@code target/dashboard-benchmark.txt}.
 */
class DashboardBenchmarkTest {
    private static final int TARGETS_PER_BUILD = 10;
    private static final int RUNS = 15;

    @TempDir
    Path directory;

    private final List<String> report = new ArrayList<>();

    @Test
    void shouldServePagesWhoseCostDoesNotGrowWithTheHistory() throws IOException {
        int large = Integer.getInteger("dashboard.benchmark.entries", 10_000);
        int small = large / 10;
        report.add("entries | jobs | index build ms | index heap MiB | job page ms | job page bytes | now ms"
                + " | now bytes | dashboard page ms | dashboard page bytes   (pages: 50 deployments)");
        var smallOneJob = measure(small, 1);
        var largeOneJob = measure(large, 1);
        var smallManyJobs = measure(small, 200);
        var largeManyJobs = measure(large, 200);
        writeReport();

        assertThat(largeOneJob).isEqualTo(smallOneJob);
        assertThat(largeManyJobs).isEqualTo(smallManyJobs);
    }

    /** How many journal lines one answer read. */
    record Measurement(long jobPageLines, long nowLines, long dashboardPageLines) {}

    private Measurement measure(int entries, int jobs) throws IOException {
        var store = HistoryStore.builder()
                .directory(directory.resolve(entries + "-" + jobs))
                .progressListener(ProgressListener.NONE)
                .syncOnAppend(false)
                .build();
        record(store, entries, jobs);
        System.gc();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        var query = DashboardQuery.create(store, List.of("dev", "staging", "prod"), arn -> null, Clock.systemUTC());
        double buildMs = (System.nanoTime() - start) / 1e6;
        System.gc();
        double heapMiB = (usedHeap() - heapBefore) / 1024.0 / 1024.0;
        var api = new DashboardApi(query);
        Predicate<String> oneJob = "job-0"::equals;
        Predicate<String> everyJob = job -> true;
        var jobPage = time(query, () -> api.handle("timeline", Map.of("limit", "50"), oneJob));
        var now = time(query, () -> api.handle("now", Map.of(), everyJob));
        var dashboardPage = time(query, () -> api.handle("timeline", Map.of("limit", "50"), everyJob));
        report.add(String.format(
                "%,d | %d | %.0f | %.1f | %.2f | %,d | %.2f | %,d | %.2f | %,d",
                entries,
                jobs,
                buildMs,
                heapMiB,
                jobPage[0],
                (long) jobPage[1],
                now[0],
                (long) now[1],
                dashboardPage[0],
                (long) dashboardPage[1]));
        return new Measurement((long) jobPage[2], (long) now[2], (long) dashboardPage[2]);
    }

    /** Returns the median time in ms of one answer, and the journal bytes and lines one answer read. */
    private static double[] time(DashboardQuery query, Supplier<DashboardApi.Response> request) {
        assertThat(request.get().status()).isEqualTo(200); // warm-up
        long bytesBefore = query.index().pageBytesRead();
        long linesBefore = query.index().pageLinesRead();
        request.get();
        long bytes = query.index().pageBytesRead() - bytesBefore;
        long lines = query.index().pageLinesRead() - linesBefore;
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            request.get();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return new double[] {times[RUNS / 2], bytes, lines};
    }

    /**
     * Ten deployments per build (one per target). With several jobs, every other build is job-0's (the job whose
     * page is asked for, so it has a full page at every size) and the rest go round-robin to the other jobs.
     */
    private static void record(HistoryStore store, int entries, int jobs) {
        var batch = new ArrayList<DeploymentEntry>();
        for (int i = 0; i < entries; i++) {
            int build = i / TARGETS_PER_BUILD;
            String job = jobs == 1 || build % 2 == 0 ? "job-0" : "job-" + (1 + build % (jobs - 1));
            String environment = List.of("dev", "staging", "prod").get(i % 3);
            batch.add(deployment(
                            String.format("d-%07d", i),
                            job,
                            environment,
                            "app" + (i % TARGETS_PER_BUILD),
                            build % 900 + 100,
                            100_000 + i,
                            OperationStatus.SUCCEEDED)
                    .build());
            if (batch.size() == 1_000) {
                store.appendAll(batch);
                batch.clear();
            }
        }
        store.appendAll(batch);
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private void writeReport() throws IOException {
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "dashboard-benchmark.txt"), report);
    }
}
