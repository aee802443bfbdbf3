package io.jenkins.plugins.ecsdeploy.dashboard;

import static io.jenkins.plugins.ecsdeploy.dashboard.Deployments.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.operation.OperationStatus;
import hudson.model.Job;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' endpoints through the plugin's actions ({@code doDynamic}, as Stapler calls it) at two history sizes:
 * the job history endpoint ({@code job/job-0/deployments/data/timeline}), the job's "what runs now", and the
 * Jenkins-wide dashboard page, for one job and for 200 jobs. An answer must read the same number of journal lines
 * and return the same bytes at both sizes: its cost does not grow with entries that are not on the page. Runs at
 * 1,000 and 10,000 entries in the normal build; at the scale (10,000 against 100,000 entries, ten
 * deployments per build, so 100,000 entries over 10,000 builds) with
 *
 * <pre>
 * ./mvnw -ntp -q -pl plugin -am test -Dtest=DeploymentsBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddeployments.benchmark.entries=100000
 * </pre>
 *
 * The report goes to stdout and to {@code plugin/target/deployments-benchmark.txt}.
 */
class DeploymentsBenchmarkTest {
    private static final int TARGETS_PER_BUILD = 10;
    private static final int RUNS = 15;

    @TempDir
    Path directory;

    private final List<String> report = new ArrayList<>();

    @AfterEach
    void uninstall() {
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    @Test
    void shouldServeEndpointsWhoseCostDoesNotGrowWithTheHistory() throws IOException {
        int large = Integer.getInteger("deployments.benchmark.entries", 10_000);
        int small = large / 10;
        report.add("entries | builds | jobs | index build ms | index heap MiB | job history ms | bytes | lines read"
                + " | allocated KiB | job now ms | bytes | lines read | dashboard page ms | bytes | lines read"
                + "   (pages of 50 deployments; times are medians of " + RUNS + ")");
        var smallOneJob = measure(small, 1);
        var largeOneJob = measure(large, 1);
        var smallManyJobs = measure(small, 200);
        var largeManyJobs = measure(large, 200);
        writeReport();

        assertThat(largeOneJob).isEqualTo(smallOneJob);
        assertThat(largeManyJobs).isEqualTo(smallManyJobs);
    }

    /**
     * What one answer of each endpoint read from the journal, and the job history's size: equal at both sizes. (The
     * Jenkins-wide page's size differs by the length of the job names on it, job-12 or job-123, so it is reported.)
     */
    record Cost(long jobHistoryLines, int jobHistoryBytes, long nowLines, long dashboardLines) {}

    private Cost measure(int entries, int jobs) throws IOException {
        Path history = directory.resolve(entries + "-" + jobs);
        record(history, entries, jobs);
        var installed = PluginHistory.install(history, List.of("dev", "staging", "prod"), Clock.systemUTC());
        System.gc();
        long heapBefore = usedHeap();
        long start = System.nanoTime();
        installed.query().index().refresh();
        double buildMs = (System.nanoTime() - start) / 1e6;
        System.gc();
        double heapMiB = (usedHeap() - heapBefore) / 1024.0 / 1024.0;

        var user = new FakePermissions("ann", jobNames(jobs), Set.of());
        Job<?, ?> job = mock(Job.class);
        when(job.getFullName()).thenReturn("job-0");
        var jobAction = new JobDeploymentsAction(job, user, () -> installed);
        var everywhere = new GlobalDeploymentsAction(user, () -> installed);

        var jobHistory = time(installed, jobAction, "/data/timeline");
        var now = time(installed, jobAction, "/data/now");
        var dashboard = time(installed, everywhere, "/data/timeline");
        report.add(String.format(
                "%,d | %,d | %d | %.0f | %.1f | %.2f | %,d | %d | %,d | %.2f | %,d | %d | %.2f | %,d | %d",
                entries,
                entries / TARGETS_PER_BUILD,
                jobs,
                buildMs,
                heapMiB,
                jobHistory.ms,
                jobHistory.bytes,
                jobHistory.lines,
                jobHistory.allocated / 1024,
                now.ms,
                now.bytes,
                now.lines,
                dashboard.ms,
                dashboard.bytes,
                dashboard.lines));
        return new Cost(jobHistory.lines, jobHistory.bytes, now.lines, dashboard.lines);
    }

    private record Timing(double ms, int bytes, long lines, long allocated) {}

    /** The median time of one answer, its size, the journal lines it read and the bytes it allocated. */
    private static Timing time(PluginHistory history, DeploymentsAction action, String path) throws IOException {
        Map<String, String> page = Map.of("limit", "50");
        var first = StaplerCalls.dynamic(action, "GET", path, page); // warm-up
        assertThat(first.status).isEqualTo(200);
        var index = history.query().index();
        long linesBefore = index.pageLinesRead();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        var answer = StaplerCalls.dynamic(action, "GET", path, page);
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long lines = index.pageLinesRead() - linesBefore;
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            StaplerCalls.dynamic(action, "GET", path, page);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return new Timing(times[RUNS / 2], answer.body.size(), lines, allocated);
    }

    /**
     * Ten deployments per build (one per target). With several jobs, every other build is job-0's (the job whose
     * page is asked for, so it has a full page at every size) and the rest go round-robin to the other jobs.
     */
    private static void record(Path history, int entries, int jobs) {
        var store = HistoryStore.builder()
                .directory(history)
                .progressListener(ProgressListener.NONE)
                .syncOnAppend(false)
                .build();
        var batch = new ArrayList<DeploymentEntry>();
        for (int i = 0; i < entries; i++) {
            int build = i / TARGETS_PER_BUILD;
            String job = jobs == 1 || build % 2 == 0 ? "job-0" : "job-" + (1 + build % (jobs - 1));
            batch.add(deployment(
                            String.format("d-%07d", i),
                            job,
                            List.of("dev", "staging", "prod").get(i % 3),
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

    private static Set<String> jobNames(int jobs) {
        return IntStream.range(0, jobs).mapToObj(i -> "job-" + i).collect(Collectors.toSet());
    }

    private static long usedHeap() {
        var runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private void writeReport() throws IOException {
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "deployments-benchmark.txt"), report);
    }
}
