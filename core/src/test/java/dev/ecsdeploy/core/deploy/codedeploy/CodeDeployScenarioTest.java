package dev.ecsdeploy.core.deploy.codedeploy;

import static dev.ecsdeploy.core.deploy.codedeploy.CodeDeployFixture.V2;
import static dev.ecsdeploy.core.deploy.codedeploy.CodeDeployFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.ServiceBusyException;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CodeDeploy blue/green deployments through the real SDK against the emulated CodeDeploy and ECS. */
class CodeDeployScenarioTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private CodeDeployFixture fixture;
    private final List<ProgressEvent> events = new ArrayList<>();
    private final List<DecisionPoint> points = new ArrayList<>();

    private CodeDeployFixture prepare(int readyWaitMinutes) {
        fixture = new CodeDeployFixture(aws);
        fixture.prepare(readyWaitMinutes);
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private DeploymentRecord run(CodeDeployRequest request, Decision atReady) throws InterruptedException {
        CodeDeployDeployments engine = fixture.engine();
        CodeDeployHandle handle = engine.start(request, events::add);
        DecisionPolicy policy = point -> {
            points.add(point);
            return atReady;
        };
        return engine.await(handle, events::add, policy, fixture.sleeper());
    }

    private List<String> messages(String kind) {
        return events.stream()
                .filter(e -> e.kind().equals(kind))
                .map(ProgressEvent::message)
                .toList();
    }

    @Test
    void shouldDeployThroughCodeDeployAndFindTheDeploymentGroupFromTheService() throws Exception {
        prepare(0);
        CodeDeployRequest request = CodeDeployRequest.builder(
                        deployment(V2).environment("prod").build())
                .deploymentConfigName("CodeDeployDefault.ECSCanary10Percent5Minutes")
                .build();

        DeploymentRecord record = run(request, null);

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(record.operationStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(record.strategy()).isEqualTo("CODE_DEPLOY");
        assertThat(record.deploymentId()).startsWith("d-");
        assertThat(record.environment()).isEqualTo("prod");
        assertThat(record.newTaskDefinitionArn()).endsWith("task-definition/web:2");
        assertThat(messages("codedeploy.lifecycle"))
                .containsSubsequence(
                        "BeforeInstall Succeeded",
                        "Install Succeeded",
                        "AllowTestTraffic Succeeded",
                        "AllowTraffic Succeeded",
                        "AfterAllowTraffic Succeeded");
        assertThat(messages("codedeploy.traffic")).contains("production traffic: Blue 90%, Green 10%");
        assertThat(record.events())
                .extracting(DeploymentRecord.RecordedEvent::kind)
                .contains("codedeploy.lifecycle");
        assertThat(fixture.calls("CreateDeployment")).isEqualTo(1);
        assertThat(fixture.productionOn()).isEqualTo("green");
        assertThat(fixture.ecs()
                        .describeServices(r -> r.cluster("cd").services("web"))
                        .services()
                        .get(0)
                        .taskDefinition())
                .isEqualTo(record.newTaskDefinitionArn());
        assertThat(points).isEmpty();
    }

    @Test
    void shouldReportAHookFailureRolledBackByCodeDeployAsAFailure() throws Exception {
        prepare(0);
        fixture.emulator().codeDeploy().hookResult("smoke-test", "Failed");
        CodeDeployRequest request = CodeDeployRequest.builder(deployment(V2).build())
                .hook("AfterAllowTestTraffic", "smoke-test")
                .build();

        DeploymentRecord record = run(request, null);

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(record.succeeded()).isFalse();
        assertThat(record.operationStatus()).isEqualTo(OperationStatus.ROLLED_BACK);
        assertThat(record.reason())
                .contains("HOOK_EXECUTION_FAILURE")
                .contains("AfterAllowTestTraffic: The Lambda function smoke-test reported Failed")
                .contains("restored the original task set");
        assertThat(fixture.productionOn()).isEqualTo("blue");
    }

    @Test
    void shouldHoldAtTheReadyWaitAsADecisionPointAndContinue() throws Exception {
        prepare(60);

        DeploymentRecord record =
                run(CodeDeployRequest.builder(deployment(V2).build()).build(), Decision.CONTINUE);

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(points).singleElement().satisfies(point -> {
            assertThat(point.stage()).isEqualTo(CodeDeployDeployments.READY_WAIT);
            assertThat(point.hookId()).isEqualTo(record.deploymentId());
            assertThat(point.expiresAt()).isNotNull();
        });
        assertThat(fixture.calls("ContinueDeployment")).isEqualTo(1);
        assertThat(fixture.productionOn()).isEqualTo("green");
    }

    @Test
    void shouldRollBackAtTheReadyWaitWhenTheDecisionIsRollback() throws Exception {
        prepare(60);

        DeploymentRecord record =
                run(CodeDeployRequest.builder(deployment(V2).build()).build(), Decision.ROLLBACK);

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("MANUAL_STOP");
        assertThat(fixture.calls("StopDeployment")).isEqualTo(1);
        assertThat(fixture.calls("ContinueDeployment")).isZero();
        assertThat(fixture.productionOn()).isEqualTo("blue");
    }

    @Test
    void shouldAbortByStoppingWithRollback() throws Exception {
        prepare(0);
        CodeDeployDeployments engine = fixture.engine();
        CodeDeployHandle handle =
                engine.start(CodeDeployRequest.builder(deployment(V2).build())
                        .deploymentConfigName("CodeDeployDefault.ECSLinear10PercentEvery1Minutes")
                        .build());
        OperationPoll<CodeDeployHandle, DeploymentRecord> round = engine.poll(handle);
        fixture.emulator().advance(java.time.Duration.ofSeconds(90));
        round = engine.poll(round.handle());

        OperationPoll<CodeDeployHandle, DeploymentRecord> aborted = engine.abort(round.handle(), "alice");
        assertThat(aborted.isDone()).isFalse();
        DeploymentRecord record = engine.await(
                aborted.handle(), events::add, DecisionPolicy.always(Decision.CONTINUE), fixture.sleeper());

        assertThat(record.status()).isEqualTo(DeploymentStatus.ABORTED);
        assertThat(record.operationStatus()).isEqualTo(OperationStatus.ABORTED);
        assertThat(fixture.productionOn()).isEqualTo("blue");
        assertThat(engine.abort(aborted.handle(), "alice again").isDone()).isFalse();
    }

    @Test
    void shouldRefuseBadInputBeforeAnyMutation() throws Exception {
        prepare(0);
        long registers = aws.emulator().callLog().countSucceeded("ecs", "RegisterTaskDefinition");
        CodeDeployDeployments engine = fixture.engine();

        assertThatThrownBy(() ->
                        engine.start(CodeDeployRequest.builder(deployment(V2).build())
                                .deploymentConfigName("CodeDeployDefault.NoSuchConfig")
                                .build()))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageContaining("deployment config CodeDeployDefault.NoSuchConfig does not exist");
        assertThatThrownBy(() ->
                        engine.start(CodeDeployRequest.builder(deployment(V2).build())
                                .deploymentGroup("web-app", "no-such-group")
                                .build()))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageContaining("web-app/no-such-group not found");
        assertThatThrownBy(() -> DeploymentEngine.builder()
                        .ecs(aws.ecs())
                        .ecr(aws.ecr())
                        .clock(fixture.clock())
                        .build()
                        .start(deployment(V2).build()))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageContaining("deploy it through CodeDeploy");
        assertThat(aws.emulator().callLog().countSucceeded("ecs", "RegisterTaskDefinition"))
                .isEqualTo(registers);

        engine.poll(
                engine.start(CodeDeployRequest.builder(deployment(V2).build()).build()));
        assertThatThrownBy(() -> engine.start(CodeDeployRequest.builder(deployment(V2)
                                .whenAnotherDeploymentInProgress(DeploymentRequest.WhenBusy.FAIL)
                                .build())
                        .build()))
                .isInstanceOf(ServiceBusyException.class)
                .hasMessageContaining("has an active deployment");
    }
}
