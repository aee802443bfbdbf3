package io.jenkins.plugins.ecsdeploy.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.OperationStatus;
import hudson.EnvVars;
import hudson.model.Cause;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.testing.FakeRuns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildRecordingTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path home;

    private PluginHistory history;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void install() {
        history = PluginHistory.install(home, List.of("dev", "prod"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void uninstall() {
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    private BuildRecording recording(Run<?, ?> run, EnvVars environment) {
        return BuildRecording.of(run, environment, "us-east-1", new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRecordInProgressAtTheStartAndTheOutcomeUnderTheSameIdWithTheBuildsOrigin() {
        Run<?, ?> run = FakeRuns.run("shop/web", 7, new Cause.UserIdCause("alice"));
        BuildRecording recording = recording(run, new EnvVars(Map.of("BRANCH_NAME", "main")));
        Deployments deployments = new Deployments();

        StartedOperation started =
                recording.started(deployments, Deployments.request("prod", "web", Deployments.image(digest(1))));
        OperationStatus whileRunning =
                history.store().history().entries().get(0).status();
        recording.finished(
                deployments,
                started,
                Deployments.record("prod", "web", 2, digest(1), DeploymentStatus.SUCCESSFUL, NOW));

        assertThat(whileRunning).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(history.store().readAll())
                .hasSize(2)
                .extracting(HistoryEntry::id)
                .containsOnly(started.id());
        DeploymentEntry entry =
                (DeploymentEntry) history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(entry.origin())
                .isEqualTo(new Origin(
                        "alice", "shop/web", 7, "https://jenkins.example.com/job/shop/web/7/", "main", null));
        assertThat(DeploymentsBuildAction.of(run).entries()).containsExactly(entry);
    }

    @Test
    void shouldGiveADeploymentTheCommitOfItsImageBuiltByAnotherJob() {
        Instant committed = Instant.parse("2026-12-05T08:00:00Z");
        history.store()
                .append(ImageBuildEntry.builder()
                        .id("build-elsewhere")
                        .recordedAt(NOW)
                        .repository("web")
                        .digest(digest(1))
                        .status(OperationStatus.SUCCEEDED)
                        .revision("abc123")
                        .revisionCommittedAt(committed)
                        .build());
        Run<?, ?> run = FakeRuns.run("shop/deploy", 4, new Cause.UserIdCause("alice"));
        BuildRecording recording = recording(run, null);
        Deployments deployments = new Deployments();

        StartedOperation started =
                recording.started(deployments, Deployments.request("prod", "web", Deployments.image(digest(1))));
        recording.finished(
                deployments,
                started,
                Deployments.record("prod", "web", 2, digest(1), DeploymentStatus.SUCCESSFUL, NOW));

        assertThat(DeploymentsBuildAction.of(run).entries())
                .singleElement()
                .isInstanceOfSatisfying(DeploymentEntry.class, entry -> {
                    assertThat(entry.sourceRevision()).isEqualTo("abc123");
                    assertThat(entry.sourceCommittedAt()).isEqualTo(committed);
                    assertThat(entry.buildId()).isEqualTo("build-elsewhere");
                });
    }

    @Test
    void shouldNameTheTriggerWhenNoUserStartedTheBuild() {
        Run<?, ?> run = FakeRuns.run("web", 3, new Cause() {
            @Override
            public String getShortDescription() {
                return "Started by an SCM change";
            }
        });

        Origin origin = BuildRecording.origin(run, new EnvVars(Map.of("GIT_BRANCH", "origin/feature")));

        assertThat(origin.user()).isNull();
        assertThat(origin.trigger()).isEqualTo("Started by an SCM change");
        assertThat(origin.branch()).isEqualTo("origin/feature");
        assertThat(origin.startedBy()).isEqualTo("Started by an SCM change");
    }

    @Test
    void shouldRecordAnAbortWithWhoAbortedWhenTheEngineGaveNoOutcome() {
        Run<?, ?> run = FakeRuns.run("web", 1);
        BuildRecording recording = recording(run, null);
        StartedOperation started =
                recording.started(new Deployments(), Deployments.request("dev", "web", Deployments.image(digest(1))));

        recording.ended(started, OperationStatus.ABORTED, "aborted by bob");

        HistoryEntry entry = history.store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.ABORTED);
        assertThat(entry.reason()).isEqualTo("aborted by bob");
        assertThat(DeploymentsBuildAction.of(run).getDeployments())
                .singleElement()
                .satisfies(row -> assertThat(row.getStatus()).isEqualTo("ABORTED"));
    }

    @Test
    void shouldRecordNothingWithoutABuild() {
        BuildRecording recording = recording(null, null);

        StartedOperation started =
                recording.started(new Deployments(), Deployments.request("dev", "web", Deployments.image(digest(1))));

        assertThat(started).isNull();
        assertThat(history.store().journalFile()).doesNotExist();
    }

    @Test
    void shouldWarnInTheBuildLogAndCarryOnWhenTheHistoryCannotBeReached() {
        PluginHistory.install(null, List.of(), Clock.systemUTC()); // no Jenkins behind the stubs
        BuildRecording recording = recording(FakeRuns.run("web", 1), null);

        StartedOperation started =
                recording.started(new Deployments(), Deployments.request("dev", "web", Deployments.image(digest(1))));

        assertThat(started).isNull();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[ecs-deploy] history not recorded");
    }

    @Test
    void shouldLoseNothingWhenFourBuildsRecordAtOnce() throws Exception {
        int builds = 4;
        int deploymentsEach = 40;
        List<Run<?, ?>> runs = new ArrayList<>();
        for (int b = 0; b < builds; b++) {
            runs.add(FakeRuns.run("job-" + b, b + 1));
        }
        ExecutorService threads = Executors.newFixedThreadPool(builds);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int b = 0; b < builds; b++) {
            Run<?, ?> run = runs.get(b);
            String service = "svc-" + b;
            done.add(threads.submit(() -> {
                go.await();
                BuildRecording recording = recording(run, null);
                Deployments deployments = new Deployments();
                for (int i = 1; i <= deploymentsEach; i++) {
                    StartedOperation started = recording.started(
                            deployments, Deployments.request("dev", service, Deployments.image(digest(i))));
                    recording.finished(
                            deployments,
                            started,
                            Deployments.record("dev", service, i, digest(i), DeploymentStatus.SUCCESSFUL, NOW));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();

        List<HistoryEntry> entries = history.store().history().entries();
        assertThat(history.store().readAll()).hasSize(builds * deploymentsEach * 2);
        assertThat(entries)
                .hasSize(builds * deploymentsEach)
                .allSatisfy(entry -> assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED));
        assertThat(entries.stream()
                        .collect(Collectors.groupingBy(e -> e.origin().job(), Collectors.counting())))
                .containsOnlyKeys("job-0", "job-1", "job-2", "job-3")
                .allSatisfy((job, count) -> assertThat(count).isEqualTo((long) deploymentsEach));
        for (Run<?, ?> run : runs) {
            assertThat(DeploymentsBuildAction.of(run).entries())
                    .hasSize(deploymentsEach)
                    .allSatisfy(entry -> assertThat(entry.origin().job())
                            .isEqualTo(run.getParent().getFullName()));
        }
    }

    private static String digest(int n) {
        return Deployments.digest(n);
    }
}
