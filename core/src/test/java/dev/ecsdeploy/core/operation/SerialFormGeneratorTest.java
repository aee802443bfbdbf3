package dev.ecsdeploy.core.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.core.ecr.scan.ScanHandle;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.task.EcsTaskRunner;
import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import dev.ecsdeploy.emulator.junit.EmulatorClients;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes the golden serialized handles under {@code src/test/resources/dev/ecsdeploy/core/<pkg>/serial-form/}.
 * Disabled by default: the golden files are the handles of an earlier release and must not follow the code. Run it
 * only to add a scenario:
 * {@code ./mvnw -ntp -pl core -am test -Dtest=SerialFormGeneratorTest -Decsdeploy.serialForm.generate=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "ecsdeploy.serialForm.generate", matches = "true")
class SerialFormGeneratorTest {
    @RegisterExtension
    final EmulatorExtension aws = GoldenStates.emulator();

    @Test
    void shouldCaptureARollingDeployment() {
        GoldenStates.serviceBase(aws, "web", false);
        try (EmulatorClients clients = new EmulatorClients(aws.emulator())) {
            DeploymentEngine engine = DeploymentEngine.builder()
                    .ecs(clients.ecs())
                    .ecr(clients.ecr())
                    .clock(aws.emulator()::now)
                    .build();
            DeploymentHandle handle = engine.start(DeploymentRequest.builder()
                    .environment("staging")
                    .cluster(GoldenStates.DEPLOY_CLUSTER)
                    .service("web")
                    .source(TaskDefinitionSource.currentWithImage(GoldenStates.HEALTHY_V2))
                    .build());
            OperationPoll<DeploymentHandle, DeploymentRecord> round = engine.poll(handle);
            aws.emulator().advance(Duration.ofSeconds(15));
            round = engine.poll(round.handle());
            assertThat(round.handle().phase()).isEqualTo(Phase.ROLLING_OUT);
            GoldenStates.write(
                    "deploy",
                    "rolling-out",
                    round.handle(),
                    state(round.handle().deploymentId()));
        }
    }

    @Test
    void shouldCaptureADeploymentAwaitingADecision() {
        GoldenStates.serviceBase(aws, "canary", true);
        try (EmulatorClients clients = new EmulatorClients(aws.emulator())) {
            DeploymentEngine engine = DeploymentEngine.builder()
                    .ecs(clients.ecs())
                    .ecr(clients.ecr())
                    .clock(aws.emulator()::now)
                    .build();
            DeploymentHandle handle = engine.start(DeploymentRequest.builder()
                    .environment("production")
                    .cluster(GoldenStates.DEPLOY_CLUSTER)
                    .service("canary")
                    .strategy(new DeploymentStrategy.Canary(20, 1, 0))
                    .pauseAt(GoldenStates.PAUSE_STAGE)
                    .source(TaskDefinitionSource.currentWithImage(GoldenStates.HEALTHY_V2))
                    .build());
            OperationPoll<DeploymentHandle, DeploymentRecord> round = engine.poll(handle);
            while (round.awaiting().isEmpty()) {
                assertThat(round.isDone()).as("ended before the pause").isFalse();
                aws.emulator().advance(round.nextPollIn());
                round = engine.poll(round.handle());
            }
            assertThat(round.handle().phase()).isEqualTo(Phase.AWAITING_DECISION);
            Properties state = state(round.handle().deploymentId());
            state.setProperty("hookId", round.awaiting().orElseThrow().hookId());
            GoldenStates.write("deploy", "awaiting-decision", round.handle(), state);
        }
    }

    @Test
    void shouldCaptureAPreparedAndARunningTaskRun() {
        GoldenStates.taskBase(aws);
        AwsClients clients = new AwsClients();
        EcsTaskRunner runner = EcsTaskRunner.builder()
                .clients(clients)
                .connection(GoldenStates.connection(aws.emulator()))
                .clock(aws.emulator()::now)
                .build();
        TaskRunRequest request = TaskRunRequest.builder()
                .cluster(GoldenStates.TASK_CLUSTER)
                .taskDefinition(GoldenStates.TASK_FAMILY)
                .build();
        List<ProgressEvent> events = new ArrayList<>();
        TaskRunHandle prepared = runner.start(request, events::add);
        assertThat(prepared.phase()).isEqualTo(TaskRunHandle.Phase.PREPARED);
        Properties preparedState = state(prepared.clientToken());
        GoldenStates.write("task", "prepared", prepared, preparedState);

        OperationPoll<TaskRunHandle, TaskRunResult> round = runner.poll(prepared);
        events.addAll(round.events());
        aws.emulator().advance(Duration.ofSeconds(20));
        round = runner.poll(round.handle());
        events.addAll(round.events());
        assertThat(round.handle().phase()).isEqualTo(TaskRunHandle.Phase.FOLLOWING);
        Properties running = state(round.handle().clientToken());
        running.setProperty("taskArn", round.handle().taskArns().get(0));
        running.setProperty(
                "linesDelivered",
                Long.toString(events.stream().filter(EventKinds::isLogLine).count()));
        GoldenStates.write("task", "running", round.handle(), running);
    }

    @Test
    void shouldCaptureAScanWait() {
        String digest = GoldenStates.scanBase(aws);
        AwsClients clients = new AwsClients();
        try (EcrImageManager images = EcrImageManager.builder()
                .clients(clients)
                .connection(GoldenStates.connection(aws.emulator()))
                .commandRunner(new LocalCommandRunner())
                .clock(aws.emulator()::now)
                .build()) {
            ScanHandle handle = images.scanWait().start(ScanRequest.of(GoldenStates.SCAN_REPOSITORY, digest));
            aws.emulator().advance(Duration.ofSeconds(5));
            OperationPoll<ScanHandle, ScanResult> round = images.scanWait().poll(handle);
            assertThat(round.isDone()).isFalse();
            Properties state = state(digest);
            GoldenStates.write("ecr/scan", "waiting", round.handle(), state);
        }
    }

    private Properties state(String id) {
        Properties state = new Properties();
        state.setProperty("origin", GoldenStates.ORIGIN.toString());
        state.setProperty("seed", Long.toString(GoldenStates.SEED));
        state.setProperty("capturedAt", aws.emulator().now().toString());
        state.setProperty("id", id);
        return state;
    }
}
