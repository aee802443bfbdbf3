package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryReconciler;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * A process killed mid-operation leaves its history entry IN_PROGRESS; the next reconciliation ends it from what ECS
 * says happened, and leaves alone what is still running.
 */
class HistoryReconcilerTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private static final String REGION = "us-east-1";
    private static final String FAILING_JOB = "registry.example.com/job:fails";

    @TempDir
    Path directory;

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private EcsFixture fixture;
    private HistoryStore store;

    @BeforeEach
    void prepare() {
        fixture = new EcsFixture(AWS);
        fixture.prepare();
        fixture.emulator()
                .ecs()
                .simulate(
                        FAILING_JOB,
                        Workload.DEFAULT
                                .withStartup(Duration.ofSeconds(3))
                                .withRun(Duration.ofSeconds(10))
                                .withExitCode(3));
        store = HistoryStore.open(directory, events::add);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldEndAsSucceededTheDeploymentThatCompletedAfterItsProcessDied() {
        fixture.service("finished", 1);
        DeploymentEntry started = startedDeployment("finished");
        updateService("finished", EcsFixture.HEALTHY_V2);
        fixture.settle("finished");

        List<HistoryEntry> reconciled = reconciler().reconcileService(EcsFixture.CLUSTER, "finished");

        assertThat(reconciled).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(started.id());
            assertThat(entry.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(entry.reason()).contains("reconciled with AWS").contains("SUCCESSFUL");
        });
        assertThat(latest(started.id()).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(events).anySatisfy(event -> assertThat(event.kind()).isEqualTo("history.reconciled"));
    }

    @Test
    void shouldEndAsRolledBackTheDeploymentTheCircuitBreakerRolledBack() {
        fixture.service("crashing", 1);
        DeploymentEntry started = startedDeployment("crashing");
        updateService("crashing", EcsFixture.CRASHING);
        awaitServiceDeployment("crashing", "ROLLBACK_SUCCESSFUL");

        List<HistoryEntry> reconciled = reconciler().reconcileService(EcsFixture.CLUSTER, "crashing");

        assertThat(reconciled).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(started.id());
            assertThat(entry.status()).isEqualTo(OperationStatus.ROLLED_BACK);
            assertThat(entry.reason()).contains("ROLLBACK_SUCCESSFUL");
        });
    }

    @Test
    void shouldLeaveAloneTheDeploymentStillInProgress() {
        fixture.service("slow", 1);
        DeploymentEntry started = startedDeployment("slow");
        updateService("slow", EcsFixture.SLOW);
        fixture.emulator().advance(Duration.ofMinutes(1));

        List<HistoryEntry> reconciled = reconciler().reconcileService(EcsFixture.CLUSTER, "slow");

        assertThat(reconciled).isEmpty();
        assertThat(latest(started.id()).status()).isEqualTo(OperationStatus.IN_PROGRESS);
    }

    @Test
    void shouldEndAsFailedOnceStaleTheDeploymentThatNeverStartedWithoutChangingTheService() {
        fixture.service("never", 1);
        DeploymentEntry started = startedDeployment("never");
        long updates = fixture.calls("UpdateService");
        String running = fixture.describe("never").taskDefinition();

        List<HistoryEntry> whileFresh = reconciler().reconcileService(EcsFixture.CLUSTER, "never");
        fixture.emulator().advance(HistoryReconciler.DEFAULT_STALE_AFTER.plusMinutes(1));
        List<HistoryEntry> onceStale = reconciler().reconcileService(EcsFixture.CLUSTER, "never");

        assertThat(whileFresh)
                .as("a live process may be about to call UpdateService")
                .isEmpty();
        assertThat(onceStale).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(started.id());
            assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(entry.reason())
                    .contains("the process ended before the deployment started; nothing was changed in the service");
        });
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates);
        assertThat(fixture.describe("never").taskDefinition()).isEqualTo(running);
    }

    @Test
    void shouldRecordTheExitCodeOfTheTaskThatStoppedAfterItsProcessDied() {
        String taskDefinition = fixture.ecs()
                .registerTaskDefinition(r -> r.family("job")
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("job")
                                .image(FAILING_JOB)
                                .essential(true)
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
        String taskArn = fixture.ecs()
                .runTask(r -> r.cluster(EcsFixture.CLUSTER)
                        .taskDefinition(taskDefinition)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0"))))
                .tasks()
                .get(0)
                .taskArn();
        TaskRunEntry started = TaskRunEntry.builder()
                .id("run-1")
                .recordedAt(fixture.emulator().now())
                .region(REGION)
                .cluster(EcsFixture.CLUSTER)
                .taskDefinitionArn(taskDefinition)
                .taskArn(taskArn)
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(fixture.emulator().now())
                .build();
        store.append(started);
        HistoryReconciler reconciler = reconciler();

        List<HistoryEntry> whileRunning = reconciler.reconcileTaskRuns(EcsFixture.CLUSTER);
        fixture.emulator().advance(Duration.ofMinutes(1));
        List<HistoryEntry> onceStopped = reconciler.reconcileTaskRuns(EcsFixture.CLUSTER);

        assertThat(whileRunning).isEmpty();
        assertThat(onceStopped).singleElement().isInstanceOfSatisfying(TaskRunEntry.class, entry -> {
            assertThat(entry.id()).isEqualTo("run-1");
            assertThat(entry.exitCode()).isEqualTo(3);
            assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(entry.reason()).contains("STOPPED").contains("exit code 3");
        });
    }

    @Test
    void shouldEndAsFailedTheStaleImageBuild() {
        store.append(ImageBuildEntry.builder()
                .id("build-1")
                .recordedAt(fixture.emulator().now())
                .region(REGION)
                .repository("web")
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(fixture.emulator().now())
                .build());
        fixture.emulator().advance(HistoryReconciler.DEFAULT_STALE_AFTER.plusMinutes(1));

        List<HistoryEntry> reconciled = reconciler().reconcileAll();

        assertThat(reconciled).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(entry.reason()).contains("the process ended before the push finished");
        });
    }

    @Test
    void shouldRecordNothingWhenReconciledAgain() {
        fixture.service("twice", 1);
        startedDeployment("twice");
        updateService("twice", EcsFixture.HEALTHY_V2);
        fixture.settle("twice");
        List<HistoryEntry> first = reconciler().reconcileAll();
        int lines = store.readAll().size();

        List<HistoryEntry> second = reconciler().reconcileAll();

        assertThat(first).hasSize(1);
        assertThat(second).isEmpty();
        assertThat(store.readAll()).hasSize(lines);
    }

    @Test
    void shouldLeaveAloneEntriesOfAnotherRegion() {
        fixture.service("elsewhere", 1);
        store.append(inProgress("elsewhere").region("eu-west-1").build());
        updateService("elsewhere", EcsFixture.HEALTHY_V2);
        fixture.settle("elsewhere");

        assertThat(reconciler().reconcileAll()).isEmpty();
    }

    /** What a deploy process records before its first mutation, and then was killed. */
    private DeploymentEntry startedDeployment(String service) {
        DeploymentEntry entry = inProgress(service).build();
        store.append(entry);
        return entry;
    }

    private DeploymentEntry.Builder inProgress(String service) {
        return DeploymentEntry.builder()
                .id("deploy-" + service)
                .recordedAt(fixture.emulator().now())
                .region(REGION)
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .strategy("ROLLING")
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(fixture.emulator().now());
    }

    private void updateService(String service, String image) {
        String taskDefinition = fixture.registerTaskDefinition(service, image);
        fixture.ecs()
                .updateService(
                        r -> r.cluster(EcsFixture.CLUSTER).service(service).taskDefinition(taskDefinition));
    }

    private void awaitServiceDeployment(String service, String status) {
        for (int i = 0; i < 400; i++) {
            boolean reached = fixture
                    .ecs()
                    .listServiceDeployments(r -> r.cluster(EcsFixture.CLUSTER).service(service))
                    .serviceDeployments()
                    .stream()
                    .anyMatch(sd -> status.equals(sd.statusAsString()));
            if (reached) {
                return;
            }
            fixture.emulator().advance(Duration.ofSeconds(15));
        }
        throw new IllegalStateException("no service deployment of " + service + " reached " + status);
    }

    private HistoryEntry latest(String id) {
        return store.history().entries().stream()
                .filter(entry -> entry.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private HistoryReconciler reconciler() {
        return HistoryReconciler.builder()
                .store(store)
                .ecs(fixture.ecs())
                .region(REGION)
                .clock(fixture.clock())
                .progressListener(events::add)
                .build();
    }
}
