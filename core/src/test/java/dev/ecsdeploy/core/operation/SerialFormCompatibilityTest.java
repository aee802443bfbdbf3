package dev.ecsdeploy.core.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.deploy.internal.SdkCapabilities;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.core.ecr.scan.ScanHandle;
import dev.ecsdeploy.core.ecr.scan.ScanOutcome;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.task.EcsTaskRunner;
import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.core.task.TaskRunResult;
import dev.ecsdeploy.core.task.TaskRunStatus;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compatibility contract for handles persisted by an earlier release (a restarted Jenkins after a plugin
 * upgrade): each golden file under {@code serial-form/} still deserializes, and, in a replayed emulator state that
 * holds the ids it names, the current engine polls it to the expected verdict without repeating a mutation the
 * earlier release had already made.
 */
class SerialFormCompatibilityTest {
    @RegisterExtension
    final EmulatorExtension aws = GoldenStates.emulator();

    @Test
    void shouldFinishARollingDeploymentCapturedMidRollout() {
        DeploymentHandle golden = GoldenStates.read("deploy", "rolling-out");
        Properties state = GoldenStates.state("deploy", "rolling-out");
        GoldenStates.serviceBase(aws, "web", false);
        GoldenStates.replayRollingUpdate(aws, "web");
        GoldenStates.advanceTo(aws, Instant.parse(state.getProperty("capturedAt")));
        assertThat(golden.phase()).isEqualTo(Phase.ROLLING_OUT);
        assertThat(primaryDeploymentId("web")).isEqualTo(golden.deploymentId()).isEqualTo(state.getProperty("id"));
        aws.emulator().callLog().clear();

        DeploymentRecord record = followDeployment(golden, null);

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.deploymentId()).isEqualTo(golden.deploymentId());
        assertNoMutation("RegisterTaskDefinition", "UpdateService");
    }

    @Test
    void shouldContinueADeploymentCapturedAtAPauseHook() {
        // The state behind this handle (a PAUSE hook) cannot exist on the SDK Jenkins ships (the -Psdk-floor pass);
        // there, pausing is refused before any change (GenericDriverTest and PauseHooksOnThisSdk check the refusal).
        Assumptions.assumeTrue(
                SdkCapabilities.pauseHooks(), "PAUSE hooks need AWS SDK for Java 2.50 or newer; this SDK is older");
        DeploymentHandle golden = GoldenStates.read("deploy", "awaiting-decision");
        Properties state = GoldenStates.state("deploy", "awaiting-decision");
        GoldenStates.serviceBase(aws, "canary", true);
        GoldenStates.replayCanaryUpdate(aws, "canary");
        GoldenStates.advanceTo(aws, Instant.parse(state.getProperty("capturedAt")));
        assertThat(golden.phase()).isEqualTo(Phase.AWAITING_DECISION);
        assertThat(golden.awaitingHookId()).isEqualTo(state.getProperty("hookId"));
        assertThat(primaryDeploymentId("canary")).isEqualTo(golden.deploymentId());
        aws.emulator().callLog().clear();

        DeploymentRecord record = followDeployment(golden, Decision.CONTINUE);

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertNoMutation("RegisterTaskDefinition", "UpdateService");
        assertThat(aws.emulator().callLog().countSucceeded("ecs", "ContinueServiceDeployment"))
                .isEqualTo(1);
    }

    @Test
    void shouldLaunchAPreparedTaskRunOnceWithItsRecordedToken() {
        TaskRunHandle golden = GoldenStates.read("task", "prepared");
        Properties state = GoldenStates.state("task", "prepared");
        GoldenStates.taskBase(aws);
        GoldenStates.advanceTo(aws, Instant.parse(state.getProperty("capturedAt")));
        assertThat(golden.phase()).isEqualTo(TaskRunHandle.Phase.PREPARED);
        aws.emulator().callLog().clear();
        List<ProgressEvent> events = new ArrayList<>();

        TaskRunResult result = followTaskRun(golden, events);

        assertThat(result.status()).as(result.message()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(aws.emulator().callLog().count("ecs", "RunTask")).isOne();
        String replayed = GoldenStates.replayRunTask(aws, golden.taskDefinitionArn(), golden.clientToken());
        assertThat(result.tasks().get(0).taskArn())
                .as("RunTask used the golden handle's client token, so repeating it returns the same task")
                .isEqualTo(replayed);
        assertThat(logLines(events)).containsExactlyElementsOf(GoldenStates.TASK_LINES);
    }

    @Test
    void shouldFollowARunningTaskRunWithoutASecondRunTask() {
        TaskRunHandle golden = GoldenStates.read("task", "running");
        Properties state = GoldenStates.state("task", "running");
        GoldenStates.taskBase(aws);
        GoldenStates.replayRunTask(aws, golden.taskDefinitionArn(), golden.clientToken());
        GoldenStates.advanceTo(aws, Instant.parse(state.getProperty("capturedAt")));
        assertThat(golden.phase()).isEqualTo(TaskRunHandle.Phase.FOLLOWING);
        assertThat(golden.taskArns()).containsExactly(state.getProperty("taskArn"));
        assertThat(aws.ecs()
                        .describeTasks(r -> r.cluster(GoldenStates.TASK_CLUSTER).tasks(golden.taskArns()))
                        .tasks())
                .hasSize(1);
        aws.emulator().callLog().clear();
        List<ProgressEvent> events = new ArrayList<>();

        TaskRunResult result = followTaskRun(golden, events);

        assertThat(result.status()).as(result.message()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertNoMutation("RunTask", "RegisterTaskDefinition", "StopTask");
        int alreadyDelivered = Integer.parseInt(state.getProperty("linesDelivered"));
        assertThat(logLines(events))
                .containsExactlyElementsOf(
                        GoldenStates.TASK_LINES.subList(alreadyDelivered, GoldenStates.TASK_LINES.size()));
    }

    @Test
    void shouldFinishAScanWaitWithoutStartingASecondScan() {
        ScanHandle golden = GoldenStates.read("ecr/scan", "waiting");
        Properties state = GoldenStates.state("ecr/scan", "waiting");
        String digest = GoldenStates.scanBase(aws);
        assertThat(digest).isEqualTo(golden.request().imageDigest()).isEqualTo(state.getProperty("id"));
        GoldenStates.replayStartScan(aws, digest);
        GoldenStates.advanceTo(aws, Instant.parse(state.getProperty("capturedAt")));
        aws.emulator().callLog().clear();

        ScanResult result = followScan(golden);

        assertThat(result.outcome()).as(result.message()).isEqualTo(ScanOutcome.COMPLETE);
        assertThat(result.verdict()).isEqualTo(ScanVerdict.PASS);
        assertThat(aws.emulator().callLog().count("ecr", "StartImageScan")).isZero();
    }

    @Test
    void shouldKeepSerialVersionUidOneOnEveryTypeAHandleHolds() {
        List<Class<?>> types = List.of(
                DeploymentHandle.class,
                dev.ecsdeploy.core.deploy.DeploymentStrategy.Rolling.class,
                dev.ecsdeploy.core.deploy.DeploymentStrategy.Canary.class,
                dev.ecsdeploy.core.deploy.DeploymentStrategy.Linear.class,
                dev.ecsdeploy.core.deploy.DeploymentStrategy.BlueGreen.class,
                dev.ecsdeploy.core.deploy.DeploymentRequest.CircuitBreaker.class,
                dev.ecsdeploy.core.deploy.DeploymentRequest.Alarms.class,
                TaskRunHandle.class,
                TaskRunHandle.ContainerSpec.class,
                dev.ecsdeploy.core.task.TaskRunRequest.class,
                dev.ecsdeploy.core.task.TaskResult.class,
                dev.ecsdeploy.core.task.ContainerResult.class,
                dev.ecsdeploy.core.task.ContainerOverrides.class,
                dev.ecsdeploy.core.task.NetworkSettings.class,
                dev.ecsdeploy.core.task.CapacityProviderItem.class,
                TaskRunResult.class,
                dev.ecsdeploy.core.logs.LogCursor.class,
                dev.ecsdeploy.core.logs.LogStreamRef.class,
                ScanHandle.class,
                dev.ecsdeploy.core.ecr.scan.ScanRequest.class,
                dev.ecsdeploy.core.ecr.scan.ScanGate.class,
                dev.ecsdeploy.core.ecr.scan.AllowListEntry.class,
                ScanResult.class,
                dev.ecsdeploy.core.ecr.scan.ScanReport.class,
                dev.ecsdeploy.core.ecr.scan.ScanFinding.class,
                dev.ecsdeploy.core.ecr.scan.GateVerdict.class,
                DecisionPoint.class);

        assertThat(types)
                .allSatisfy(type -> assertThat(java.io.ObjectStreamClass.lookup(type))
                        .as(type.getName() + " must be serializable")
                        .isNotNull()
                        .extracting(java.io.ObjectStreamClass::getSerialVersionUID)
                        .isEqualTo(1L));
    }

    private DeploymentRecord followDeployment(DeploymentHandle golden, Decision decision) {
        try (EmulatorClients clients = new EmulatorClients(aws.emulator())) {
            DeploymentEngine engine = DeploymentEngine.builder()
                    .ecs(clients.ecs())
                    .ecr(clients.ecr())
                    .clock(aws.emulator()::now)
                    .build();
            OperationPoll<DeploymentHandle, DeploymentRecord> round = engine.poll(golden, decision);
            for (int i = 0; i < 500 && !round.isDone(); i++) {
                Decision next = round.awaiting().isPresent() ? decision : null;
                if (next == null) {
                    aws.emulator().advance(round.nextPollIn());
                }
                round = engine.poll(round.handle(), next);
            }
            return round.outcome().orElseThrow();
        }
    }

    private TaskRunResult followTaskRun(TaskRunHandle golden, List<ProgressEvent> events) {
        EcsTaskRunner runner = EcsTaskRunner.builder()
                .clients(TestAwsClients.create())
                .connection(GoldenStates.connection(aws.emulator()))
                .clock(aws.emulator()::now)
                .build();
        OperationPoll<TaskRunHandle, TaskRunResult> round = runner.poll(golden);
        events.addAll(round.events());
        for (int i = 0; i < 500 && !round.isDone(); i++) {
            aws.emulator().advance(round.nextPollIn());
            round = runner.poll(round.handle());
            events.addAll(round.events());
        }
        return round.outcome().orElseThrow();
    }

    private ScanResult followScan(ScanHandle golden) {
        try (EcrImageManager images = EcrImageManager.builder()
                .clients(TestAwsClients.create())
                .connection(GoldenStates.connection(aws.emulator()))
                .commandRunner(new LocalCommandRunner())
                .clock(aws.emulator()::now)
                .build()) {
            OperationPoll<ScanHandle, ScanResult> round = images.scanWait().poll(golden);
            for (int i = 0; i < 500 && !round.isDone(); i++) {
                aws.emulator().advance(round.nextPollIn());
                round = images.scanWait().poll(round.handle());
            }
            return round.outcome().orElseThrow();
        }
    }

    private String primaryDeploymentId(String service) {
        return aws
                .ecs()
                .describeServices(r -> r.cluster(GoldenStates.DEPLOY_CLUSTER).services(service))
                .services()
                .get(0)
                .deployments()
                .stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private void assertNoMutation(String... operations) {
        for (String operation : operations) {
            assertThat(aws.emulator().callLog().count("ecs", operation))
                    .as(operation + " after the golden handle was read")
                    .isZero();
        }
    }

    private static List<String> logLines(List<ProgressEvent> events) {
        return events.stream()
                .filter(EventKinds::isLogLine)
                .map(ProgressEvent::message)
                .toList();
    }
}
