package dev.ecsdeploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.ecr.scan.ScanFinding;
import dev.ecsdeploy.core.ecr.scan.ScanGate;
import dev.ecsdeploy.core.ecr.scan.ScanOutcome;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.source.SourceCommit;
import dev.ecsdeploy.core.task.ContainerOverrides;
import dev.ecsdeploy.core.task.ContainerResult;
import dev.ecsdeploy.core.task.TaskResult;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import dev.ecsdeploy.core.task.TaskRunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine results become history entries; a started operation is recorded in progress, then completed in place. */
class HistoryRecorderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String TASK_DEFINITION = "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:8";
    private static final String IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@" + HistoryFixtures.WEB_2;

    @TempDir
    Path directory;

    private final List<ProgressEvent> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    private HistoryRecorder recorder() {
        return HistoryRecorder.builder()
                .store(HistoryStore.open(directory, events::add))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .region("eu-west-1")
                .origin(Origin.user("ana"))
                .progressListener(events::add)
                .ids(() -> "id-" + ids.incrementAndGet())
                .build();
    }

    @Test
    void shouldRecordADeploymentInProgressThenItsVerdictUnderTheSameId() {
        HistoryRecorder recorder = recorder();

        StartedOperation started = recorder.deploymentStarted(deployRequest());
        List<HistoryEntry> whileRunning = store().history().entries();
        recorder.deploymentFinished(started, rolledBack());

        assertThat(whileRunning).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OperationStatus.IN_PROGRESS);
            assertThat(((DeploymentEntry) entry).strategy()).isEqualTo("CANARY");
        });
        assertThat(store().readAll()).hasSize(2);
        DeploymentEntry done = (DeploymentEntry) store().history().entries().get(0);
        assertThat(done.id()).isEqualTo(started.id());
        assertThat(done.status()).isEqualTo(OperationStatus.ROLLED_BACK);
        assertThat(done.reason()).isEqualTo("circuit breaker tripped");
        assertThat(done.accountId()).isEqualTo("123456789012");
        assertThat(done.environment()).isEqualTo("prod");
        assertThat(done.images()).containsExactly(new DeployedImage("web", IMAGE, HistoryFixtures.WEB_2));
        assertThat(done.origin()).isEqualTo(Origin.user("ana"));
        assertThat(done.region()).isEqualTo("eu-west-1");
    }

    @Test
    void shouldKeepOnlyTheLastEventsOfALongDeployment() {
        DeploymentRecord record = record(
                DeploymentStatus.SUCCESSFUL,
                "",
                IntStream.range(0, 250)
                        .mapToObj(i -> new DeploymentRecord.RecordedEvent(NOW, "INFO", "ecs.event", "event " + i))
                        .toList());

        DeploymentEntry entry = recorder().deploymentFinished(record);

        assertThat(entry.id()).isEqualTo("ecs-svc/1");
        assertThat(entry.application()).isEqualTo("web"); // the repository name, as no application was given
        assertThat(entry.reason()).isNull();
        assertThat(entry.events()).hasSize(HistoryRecorder.MAX_EVENTS);
        assertThat(entry.events().get(HistoryRecorder.MAX_EVENTS - 1).message()).isEqualTo("event 249");
    }

    @Test
    void shouldFileDeploymentsUnderTheApplicationGiven() {
        var recorder = HistoryRecorder.builder()
                .store(HistoryStore.open(directory, events::add))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .application("shop")
                .ids(() -> "id-" + ids.incrementAndGet())
                .build();

        StartedOperation started = recorder.deploymentStarted(deployRequest());
        DeploymentEntry finished = recorder.deploymentFinished(started, rolledBack());

        assertThat(HistoryStore.open(directory, events::add).readAll())
                .extracting(entry -> ((DeploymentEntry) entry).application())
                .containsExactly("shop", "shop");
        assertThat(finished.application()).isEqualTo("shop");
    }

    @Test
    void shouldRecordATaskRunWithItsExitCodeAndCommand() {
        HistoryRecorder recorder = recorder();
        TaskRunRequest request = TaskRunRequest.builder()
                .cluster("prod")
                .taskDefinitionOfService("web")
                .putContainerImage("app", IMAGE)
                .overrideContainer(ContainerOverrides.of("app").withCommand(List.of("./migrate", "up")))
                .build();
        TaskResult task = new TaskResult(
                "arn:aws:ecs:eu-west-1:123456789012:task/prod/abc",
                "STOPPED",
                "EssentialContainerExited",
                "Essential container in task exited",
                NOW.minusSeconds(60),
                NOW,
                List.of(
                        new ContainerResult("sidecar", false, "STOPPED", 0, null),
                        new ContainerResult("app", true, "STOPPED", 3, null)));
        TaskRunResult failed = new TaskRunResult(
                TaskRunStatus.FAILED,
                "task abc failed: app exited with 3",
                TASK_DEFINITION,
                List.of(task),
                List.of("app exited with 3"));

        StartedOperation started = recorder.taskRunStarted(request, "prod");
        TaskRunEntry entry = recorder.taskRunFinished(started, request, "prod", failed);

        assertThat(store().history().entries()).containsExactly(entry);
        assertThat(entry.id()).isEqualTo(started.id());
        assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(entry.exitCode()).isEqualTo(3);
        assertThat(entry.command()).containsExactly("./migrate", "up");
        assertThat(entry.service()).isEqualTo("web");
        assertThat(entry.taskArn()).endsWith("/abc");
        assertThat(entry.reason()).isEqualTo("task abc failed: app exited with 3");
        assertThat(entry.events()).extracting(HistoryEvent::message).containsExactly("app exited with 3");
    }

    @Test
    void shouldRecordABuildWithItsScanAndABrokenGateAsFailed() {
        HistoryRecorder recorder = recorder();
        ScanGate gate = ScanGate.of(Map.of(FindingSeverity.HIGH, 1, FindingSeverity.CRITICAL, 0), List.of());
        var report = new dev.ecsdeploy.core.ecr.scan.ScanReport(
                "COMPLETE",
                null,
                Map.of(FindingSeverity.HIGH, 2),
                List.of(new ScanFinding("CVE-1", FindingSeverity.HIGH, "openssl", "1.0", "1.1", null, "bad")),
                NOW);
        var verdict = gate.evaluate(report, NOW);
        ScanResult scan = new ScanResult(
                ScanOutcome.COMPLETE, ScanVerdict.FAIL, report, verdict, "scan COMPLETE: " + verdict.describe());
        PushResult pushed = new PushResult(
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web",
                List.of("1.2.0"),
                HistoryFixtures.WEB_2,
                "application/vnd.oci.image.manifest.v1+json",
                1234,
                NOW,
                "jib",
                true);

        StartedOperation started = recorder.buildStarted(BuildPushRequest.builder()
                .repository("team/web")
                .addTag("1.2.0")
                .build());
        OperationStatus whileRunning = store().history().entries().get(0).status();
        ImageBuildEntry entry = recorder.buildFinished(started, pushed, scan, gate);

        assertThat(whileRunning).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(store().history().entries()).containsExactly(entry);
        assertThat(entry.repository()).isEqualTo("team/web");
        assertThat(entry.buildTool()).isEqualTo("jib");
        assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(entry.gate().policy()).isEqualTo("CRITICAL=0,HIGH=1");
        assertThat(entry.gate().passed()).isFalse();
        assertThat(entry.scan().severityCounts()).containsEntry("HIGH", 2);
        assertThat(entry.scan().findings()).extracting(RecordedFinding::id).containsExactly("CVE-1");
    }

    @Test
    void shouldEndAStartedOperationWhoseEngineGaveNoResult() {
        HistoryRecorder recorder = recorder();
        StartedOperation started = recorder.deploymentStarted(deployRequest());

        HistoryRecorder afterRestart = recorder();
        afterRestart.ended(started, OperationStatus.ABORTED, "interrupted: the build was aborted");

        DeploymentEntry entry = (DeploymentEntry) store().history().entries().get(0);
        assertThat(entry.status()).isEqualTo(OperationStatus.ABORTED);
        assertThat(entry.reason()).isEqualTo("interrupted: the build was aborted");
        assertThat(entry.service()).isEqualTo("web");
        assertThat(entry.finishedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldWarnInsteadOfFailingWhenTheStoreCannotBeWritten() throws IOException {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        HistoryRecorder recorder = HistoryRecorder.builder()
                .store(HistoryStore.open(notADirectory, events::add))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .progressListener(events::add)
                .build();

        DeploymentEntry entry = recorder.deploymentFinished(record(DeploymentStatus.SUCCESSFUL, "", List.of()));

        assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.severity()).isEqualTo(ProgressEvent.Severity.WARNING);
            assertThat(event.kind()).isEqualTo("history.not-recorded");
            assertThat(event.message()).startsWith("history not recorded in " + notADirectory + ": ");
        });
    }

    @Test
    void shouldRecordEveryEngineStatusThroughTheOneMappingInCore() {
        assertThat(List.of(DeploymentStatus.values()))
                .extracting(DeploymentStatus::operationStatus)
                .containsExactly(
                        OperationStatus.SUCCEEDED,
                        OperationStatus.FAILED,
                        OperationStatus.ROLLED_BACK,
                        OperationStatus.STOPPED,
                        OperationStatus.TIMED_OUT,
                        OperationStatus.ABORTED);
        assertThat(List.of(TaskRunStatus.values()))
                .extracting(status ->
                        new TaskRunResult(status, "m", TASK_DEFINITION, List.of(), List.of()).operationStatus())
                .containsExactly(
                        OperationStatus.SUCCEEDED,
                        OperationStatus.SUCCEEDED,
                        OperationStatus.FAILED,
                        OperationStatus.TIMED_OUT,
                        OperationStatus.ABORTED);
    }

    @Test
    void shouldRecordTheLaunchedTaskArnOnceSoThatAKilledRunCanBeReconciled() {
        TaskRunRequest request = TaskRunRequest.builder()
                .cluster("prod")
                .taskDefinitionOfService("web")
                .putContainerImage("app", IMAGE)
                .build();
        HistoryRecorder recorder = recorder();
        StartedOperation started = recorder.taskRunStarted(request, "staging");

        recorder.taskRunLaunched(started, "arn:aws:ecs:eu-west-1:123456789012:task/prod/abc");
        recorder.taskRunLaunched(started, "arn:aws:ecs:eu-west-1:123456789012:task/prod/abc");

        assertThat(store().readAll()).hasSize(2);
        assertThat(store().history().entries()).singleElement().isInstanceOfSatisfying(TaskRunEntry.class, entry -> {
            assertThat(entry.id()).isEqualTo(started.id());
            assertThat(entry.status()).isEqualTo(OperationStatus.IN_PROGRESS);
            assertThat(entry.taskArn()).endsWith("/abc");
            assertThat(entry.service()).isEqualTo("web");
        });
    }

    @Test
    void shouldCompleteATaskRunFromItsStartWhenTheRequestIsGone() {
        TaskRunRequest request = TaskRunRequest.builder()
                .cluster("prod")
                .taskDefinitionOfService("web")
                .putContainerImage("app", IMAGE)
                .overrideContainer(ContainerOverrides.of("app").withCommand(List.of("./migrate")))
                .build();
        StartedOperation started = recorder().taskRunStarted(request, "staging");
        TaskResult task = new TaskResult(
                "arn:aws:ecs:eu-west-1:123456789012:task/prod/abc",
                "STOPPED",
                "EssentialContainerExited",
                "done",
                NOW.minusSeconds(30),
                NOW,
                List.of(new ContainerResult("app", true, "STOPPED", 0, null)));

        TaskRunEntry entry = recorder()
                .taskRunFinished(
                        started,
                        new TaskRunResult(TaskRunStatus.SUCCEEDED, "ok", TASK_DEFINITION, List.of(task), List.of()));

        assertThat(store().history().entries()).containsExactly(entry);
        assertThat(entry.environment()).isEqualTo("staging");
        assertThat(entry.service()).isEqualTo("web");
        assertThat(entry.command()).containsExactly("./migrate");
        assertThat(entry.exitCode()).isZero();
        assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(entry.origin()).isEqualTo(Origin.user("ana"));
    }

    @Test
    void shouldRecordTheScanAndGateOfTheImageAtDeployTime() {
        RecordedGate gate = new RecordedGate(true, "CRITICAL=0", "passed", List.of("CVE-9 (allow-listed)"));
        RecordedScan scan = new RecordedScan("COMPLETE", NOW, Map.of("HIGH", 1), List.of());
        ImageBuildEntry build = ImageBuildEntry.builder()
                .id("build-1")
                .recordedAt(NOW)
                .repository("web")
                .digest(HistoryFixtures.WEB_2)
                .scan(scan)
                .gate(gate)
                .status(OperationStatus.SUCCEEDED)
                .build();
        List<HistoryEntry> seen = new ArrayList<>();
        HistoryRecorder recorder = HistoryRecorder.builder()
                .store(store())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .imageBuilds(digest -> digest.equals(HistoryFixtures.WEB_2) ? build : null)
                .onRecorded(seen::add)
                .build();

        DeploymentEntry entry = recorder.deploymentFinished(record(DeploymentStatus.SUCCESSFUL, "", List.of()));

        assertThat(entry.scan()).isEqualTo(scan);
        assertThat(entry.gate().overridden()).isTrue();
        assertThat(entry.buildId()).isEqualTo("build-1");
        assertThat(seen).containsExactly(entry);
        assertThat(store().history().entries()).containsExactly(entry);
    }

    @Test
    void shouldCopyTheRevisionAndCommitTimeOfTheNewestBuildOfTheDeployedImage() {
        Instant committed = Instant.parse("2026-11-30T08:00:00Z");
        HistoryRecorder recorder = HistoryRecorder.builder()
                .store(store())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .ids(() -> "id-" + ids.incrementAndGet())
                .imageBuilds(HistoryRecorder.newestBuildIn(store()))
                .build();
        StartedOperation older = recorder.buildStarted("web", List.of("1"), new SourceCommit("aaa111", null));
        recorder.buildFinished(older, pushed(HistoryFixtures.WEB_2), null, null);
        StartedOperation newer = recorder.buildStarted("web", List.of("2"), new SourceCommit("bbb222", committed));
        ImageBuildEntry build = recorder.buildFinished(newer, pushed(HistoryFixtures.WEB_2), null, null);

        DeploymentEntry entry = recorder.deploymentFinished(record(DeploymentStatus.SUCCESSFUL, "", List.of()));

        assertThat(build.revision()).isEqualTo("bbb222");
        assertThat(build.revisionCommittedAt()).isEqualTo(committed);
        assertThat(entry.sourceRevision()).isEqualTo("bbb222");
        assertThat(entry.sourceCommittedAt()).isEqualTo(committed);
        assertThat(entry.buildId()).isEqualTo(build.id());
        assertThat(store().history().entries()).contains(entry);
    }

    @Test
    void shouldLeaveTheRevisionEmptyWhenTheDeployedImageWasNotBuiltHere() {
        HistoryRecorder recorder = HistoryRecorder.builder()
                .store(store())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .imageBuilds(HistoryRecorder.newestBuildIn(store()))
                .build();
        StartedOperation other = recorder.buildStarted("web", List.of("1"), new SourceCommit("aaa111", NOW));
        recorder.buildFinished(other, pushed(HistoryFixtures.WEB_1), null, null);

        DeploymentEntry entry = recorder.deploymentFinished(record(DeploymentStatus.SUCCESSFUL, "", List.of()));

        assertThat(entry.sourceRevision()).isNull();
        assertThat(entry.sourceCommittedAt()).isNull();
        assertThat(entry.buildId()).isNull();
    }

    @Test
    void shouldRecordTheRevisionOfABuildRequestWithoutATime() {
        HistoryRecorder recorder = recorder();
        StartedOperation started = recorder.buildStarted(BuildPushRequest.builder()
                .repository("web")
                .addTag("1")
                .revision("ccc333")
                .build());

        ImageBuildEntry entry = recorder.buildFinished(started, pushed(HistoryFixtures.WEB_2), null, null);

        assertThat(entry.revision()).isEqualTo("ccc333");
        assertThat(entry.revisionCommittedAt()).isNull();
    }

    private static PushResult pushed(String digest) {
        return new PushResult(
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web",
                List.of("1"),
                digest,
                "application/vnd.oci.image.manifest.v1+json",
                1234,
                NOW,
                "jib",
                true);
    }

    @Test
    void shouldRecordABuildStartedByRepositoryName() {
        StartedOperation started = recorder().buildStarted("team/web", List.of("1.0", "latest"));

        ImageBuildEntry entry = (ImageBuildEntry) store().history().entries().get(0);
        assertThat(entry.id()).isEqualTo(started.id());
        assertThat(entry.tags()).containsExactly("1.0", "latest");
        assertThat(entry.status()).isEqualTo(OperationStatus.IN_PROGRESS);
    }

    private HistoryStore store() {
        return HistoryStore.open(directory, events::add);
    }

    private static DeploymentRequest deployRequest() {
        return DeploymentRequest.builder()
                .environment("prod")
                .cluster("prod")
                .service("web")
                .source(TaskDefinitionSource.currentWithImage(IMAGE))
                .strategy(new DeploymentStrategy.Canary(10, 5, null))
                .build();
    }

    private static DeploymentRecord rolledBack() {
        return record(
                DeploymentStatus.ROLLED_BACK,
                "circuit breaker tripped",
                List.of(new DeploymentRecord.RecordedEvent(NOW, "WARNING", "ecs.event", "tasks failed")));
    }

    private static DeploymentRecord record(
            DeploymentStatus status, String reason, List<DeploymentRecord.RecordedEvent> recorded) {
        return new DeploymentRecord(
                "prod",
                "prod",
                "web",
                "CANARY",
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
                TASK_DEFINITION,
                Map.of("web", IMAGE),
                "ecs-svc/1",
                null,
                status,
                reason,
                NOW.minusSeconds(300),
                NOW,
                recorded);
    }
}
