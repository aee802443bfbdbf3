package dev.ecsdeploy.core.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.deploy.internal.SdkCapabilities;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanWait;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.task.EcsTaskRunner;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.faults.FaultRule;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three engines, driven by one piece of code written against {@link LongOperation} ({@link DurableDriver}): a
 * restart (a fresh engine reading back the serialized handle) before every round, or 30 % of the describe calls
 * throttled. Each run must reach its verdict in the shared {@link OperationStatus} vocabulary, and no mutating call
 * may be repeated.
 */
class GenericDriverTest {
    /** The reads the engines poll with; mutations are never faulted, so any repeat is the engine's doing. */
    private static final List<String> DESCRIBE_CALLS = List.of(
            "ecs:DescribeServices",
            "ecs:DescribeServiceDeployments",
            "ecs:DescribeTasks",
            "ecr:DescribeImageScanFindings",
            "logs:GetLogEvents");

    enum Scenario {
        RESTART_EVERY_ROUND,
        THROTTLED_30_PERCENT
    }

    @RegisterExtension
    final EmulatorExtension aws = GoldenStates.emulator();

    private final List<AwsClients> opened = new ArrayList<>();

    @AfterEach
    void closeClients() {
        opened.forEach(AwsClients::close);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldDeployWithTheGenericDriver(Scenario scenario) {
        GoldenStates.serviceBase(aws, "web", false);
        DurableDriver<DeploymentRequest, ?, DeploymentRecord> driver = driver(scenario, this::deploymentEngine);

        DeploymentRecord record = driver.run(rolling("web"), DecisionPolicy.NONE);

        assertThat(record.operationStatus()).as(record.summary()).isEqualTo(OperationStatus.SUCCEEDED);
        assertMutations(Map.of("ecs:RegisterTaskDefinition", 1L, "ecs:UpdateService", 1L));
        assertRestarted(scenario, driver);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldAnswerAPauseHookWithTheGenericDriver(Scenario scenario) {
        GoldenStates.serviceBase(aws, "canary", true);
        DurableDriver<DeploymentRequest, ?, DeploymentRecord> driver = driver(scenario, this::deploymentEngine);
        if (!SdkCapabilities.pauseHooks()) {
            // On the SDK Jenkins ships (the -Psdk-floor pass) PAUSE hooks do not exist: the engine refuses up front.
            assertThatThrownBy(() -> driver.run(canary("canary"), point -> Decision.CONTINUE))
                    .isInstanceOf(InvalidDeploymentException.class)
                    .hasMessage("deployment refused: PAUSE hooks at [" + GoldenStates.PAUSE_STAGE
                            + "] need AWS SDK for Java 2.50 or newer (ContinueServiceDeployment)");
            return;
        }
        List<DecisionPoint> asked = new ArrayList<>();

        DeploymentRecord record = driver.run(canary("canary"), point -> {
            asked.add(point);
            return Decision.CONTINUE;
        });

        assertThat(record.operationStatus()).as(record.summary()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(asked).extracting(DecisionPoint::stage).containsExactly(GoldenStates.PAUSE_STAGE);
        assertMutations(Map.of("ecs:UpdateService", 1L, "ecs:ContinueServiceDeployment", 1L));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldAbortADeploymentWithTheGenericDriver(Scenario scenario) {
        GoldenStates.serviceBase(aws, "web", false);
        DurableDriver<DeploymentRequest, ?, DeploymentRecord> driver = driver(scenario, this::deploymentEngine);

        DeploymentRecord record = driver.runAndAbort(rolling("web"), 2, "alice");

        assertThat(record.operationStatus()).isEqualTo(OperationStatus.ABORTED);
        assertThat(record.summary()).contains("aborted by alice");
        assertMutations(Map.of("ecs:UpdateService", 1L, "ecs:StopServiceDeployment", 1L));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldRunATaskWithTheGenericDriver(Scenario scenario) {
        GoldenStates.taskBase(aws);
        DurableDriver<TaskRunRequest, ?, TaskRunResult> driver = driver(scenario, this::taskRunner);

        TaskRunResult result = driver.run(job(), DecisionPolicy.NONE);

        assertThat(result.operationStatus()).as(result.summary()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(driver.events.stream().filter(EventKinds::isLogLine).map(ProgressEvent::message))
                .containsExactlyElementsOf(GoldenStates.TASK_LINES);
        assertMutations(Map.of("ecs:RunTask", 1L, "ecs:StopTask", 0L));
        assertRestarted(scenario, driver);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldAbortATaskRunWithTheGenericDriver(Scenario scenario) {
        GoldenStates.taskBase(aws);
        DurableDriver<TaskRunRequest, ?, TaskRunResult> driver = driver(scenario, this::taskRunner);

        TaskRunResult result = driver.runAndAbort(job(), 8, "alice");

        assertThat(result.operationStatus()).as(result.summary()).isEqualTo(OperationStatus.ABORTED);
        assertThat(result.exitCode("app")).contains(143);
        assertMutations(Map.of("ecs:RunTask", 1L, "ecs:StopTask", 1L));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldWaitForAScanWithTheGenericDriver(Scenario scenario) {
        String digest = GoldenStates.scanBase(aws);
        DurableDriver<ScanRequest, ?, ScanResult> driver = driver(scenario, this::scanWait);

        ScanResult result = driver.run(ScanRequest.of(GoldenStates.SCAN_REPOSITORY, digest), DecisionPolicy.NONE);

        assertThat(result.operationStatus()).as(result.summary()).isEqualTo(OperationStatus.SUCCEEDED);
        assertMutations(Map.of("ecr:StartImageScan", 1L));
        assertRestarted(scenario, driver);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void shouldAbortAScanWaitWithTheGenericDriver(Scenario scenario) {
        String digest = GoldenStates.scanBase(aws);
        DurableDriver<ScanRequest, ?, ScanResult> driver = driver(scenario, this::scanWait);

        ScanResult result = driver.runAndAbort(ScanRequest.of(GoldenStates.SCAN_REPOSITORY, digest), 1, "alice");

        assertThat(result.operationStatus()).isEqualTo(OperationStatus.ABORTED);
        assertThat(result.summary()).contains("aborted by alice");
        assertMutations(Map.of("ecr:StartImageScan", 1L));
    }

    private <Q, H extends java.io.Serializable, O extends OperationOutcome> DurableDriver<Q, H, O> driver(
            Scenario scenario, java.util.function.Supplier<? extends LongOperation<Q, H, O>> engines) {
        aws.emulator().callLog().clear();
        if (scenario == Scenario.THROTTLED_30_PERCENT) {
            aws.emulator().faults().reseed(7);
            DESCRIBE_CALLS.forEach(target -> aws.emulator().faults().add(FaultRule.throttle(target, 30)));
        }
        return new DurableDriver<>(engines, aws.emulator()::advance, scenario == Scenario.RESTART_EVERY_ROUND);
    }

    private AwsClients clients() {
        AwsClients clients = TestAwsClients.create();
        opened.add(clients);
        return clients;
    }

    private DeploymentEngine deploymentEngine() {
        return DeploymentEngine.builder()
                .clients(clients())
                .connection(GoldenStates.connection(aws.emulator()))
                .clock(aws.emulator()::now)
                .build();
    }

    private EcsTaskRunner taskRunner() {
        return EcsTaskRunner.builder()
                .clients(clients())
                .connection(GoldenStates.connection(aws.emulator()))
                .clock(aws.emulator()::now)
                .build();
    }

    private ScanWait scanWait() {
        EcrImageManager images = EcrImageManager.builder()
                .clients(clients())
                .connection(GoldenStates.connection(aws.emulator()))
                .commandRunner(new LocalCommandRunner())
                .clock(aws.emulator()::now)
                .build();
        return images.scanWait();
    }

    private static DeploymentRequest rolling(String service) {
        return DeploymentRequest.builder()
                .environment("staging")
                .cluster(GoldenStates.DEPLOY_CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(GoldenStates.HEALTHY_V2))
                .build();
    }

    private static DeploymentRequest canary(String service) {
        return DeploymentRequest.builder()
                .environment("production")
                .cluster(GoldenStates.DEPLOY_CLUSTER)
                .service(service)
                .strategy(new DeploymentStrategy.Canary(20, 1, 0))
                .pauseAt(GoldenStates.PAUSE_STAGE)
                .source(TaskDefinitionSource.currentWithImage(GoldenStates.HEALTHY_V2))
                .build();
    }

    private static TaskRunRequest job() {
        return TaskRunRequest.builder()
                .cluster(GoldenStates.TASK_CLUSTER)
                .taskDefinition(GoldenStates.TASK_FAMILY)
                .build();
    }

    private void assertMutations(Map<String, Long> expected) {
        expected.forEach((call, count) -> {
            String[] parts = call.split(":");
            assertThat(aws.emulator().callLog().count(parts[0], parts[1]))
                    .as(call + " calls")
                    .isEqualTo(count);
        });
    }

    private void assertRestarted(Scenario scenario, DurableDriver<?, ?, ?> driver) {
        if (scenario == Scenario.RESTART_EVERY_ROUND) {
            assertThat(driver.engineCount).as("a fresh engine per round").isEqualTo(driver.rounds + 1);
        } else {
            assertThat(aws.emulator().callLog().all())
                    .as("throttled describe calls")
                    .anySatisfy(call -> assertThat(call.outcome()).isEqualTo("ThrottlingException"));
        }
    }
}
