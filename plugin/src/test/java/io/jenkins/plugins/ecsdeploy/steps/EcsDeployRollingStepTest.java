package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.AbortException;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.Serialization;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsDeployRollingStepTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    private EmulatorServices services;
    private EcsWorld world;

    @BeforeEach
    void prepare() {
        services = EmulatorServices.install(AWS.emulator(), 2);
        world = new EcsWorld(AWS.emulator(), AWS.ecs());
    }

    @AfterEach
    void close() {
        services.close();
    }

    private static EcsDeployRollingStep step(String service, String image) {
        EcsDeployRollingStep step = new EcsDeployRollingStep(service);
        step.setCluster(EcsWorld.CLUSTER);
        step.setImage(image);
        step.setRegion("us-east-1");
        return step;
    }

    @Test
    void shouldReturnTheNewTaskDefinitionWhenTheRolloutSucceeds() throws Exception {
        String previous = world.service("roll-ok", 2);
        TestStepContext context = new TestStepContext();

        step("roll-ok", EcsWorld.HEALTHY_V2).start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL").containsEntry("previousTaskDefinitionArn", previous);
        assertThat((String) result.get("taskDefinitionArn")).contains("task-definition/roll-ok:2");
        assertThat((String) result.get("serviceDeploymentArn")).startsWith("arn:aws:ecs:");
        assertThat(result.values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        assertThat(context.log())
                .contains("https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/main/services/roll-ok/health")
                .contains("https://us-east-1.console.aws.amazon.com/ecs/v2/task-definitions/roll-ok/2");
        assertThat(world.primaryTaskDefinition("roll-ok")).isEqualTo(result.get("taskDefinitionArn"));
    }

    @Test
    void shouldFailWithTheReasonWhenTheCircuitBreakerRollsBack() throws Exception {
        world.service("roll-crash", 2);
        TestStepContext context = new TestStepContext();

        step("roll-crash", EcsWorld.CRASHING).start(context).start();

        Throwable failure = context.awaitFailure(WAIT);
        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("ROLLED_BACK");
        assertThat(failure.getMessage()).containsIgnoringCase("circuit breaker").doesNotContain("\n");
        String reason = failure.getMessage().substring(failure.getMessage().indexOf(": ") + 2);
        assertThat(context.log())
                .as("Jenkins prints the failure's summary; the log has the details, not the summary again")
                .doesNotContain(reason)
                .contains("  stopped task ");
    }

    @Test
    void shouldFailBeforeAnyMutationWhenTheServiceDoesNotExist() throws Exception {
        long registers = world.calls("RegisterTaskDefinition");
        TestStepContext context = new TestStepContext();

        step("no-such-service", EcsWorld.HEALTHY_V2).start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("no-such-service");
        assertThat(world.calls("RegisterTaskDefinition")).isEqualTo(registers);
    }

    @Test
    void shouldRefuseABusyServiceWithAPipelineHintAndChangeNothingWhenAskedToFail() throws Exception {
        world.service("roll-busy", 1);
        TestStepContext first = new TestStepContext();
        var busy = execution(step("roll-busy", EcsWorld.SLOW), first);
        awaitPhase(busy, Phase.ROLLING_OUT);
        long registers = world.calls("RegisterTaskDefinition");
        long updates = world.calls("UpdateService");
        EcsDeployRollingStep failing = step("roll-busy", EcsWorld.HEALTHY_V2);
        failing.setWhenBusy("fail");
        TestStepContext context = new TestStepContext();

        failing.start(context).start();

        assertThat(context.awaitFailure(WAIT))
                .hasMessageStartingWith("deployment refused: another deployment is in progress on service roll-busy")
                .hasMessageEndingWith("In a Pipeline: whenBusy: 'wait' (the default) waits for it, within timeout")
                .message()
                .doesNotContain("whenAnotherDeploymentInProgress");
        assertThat(world.calls("RegisterTaskDefinition")).isEqualTo(registers);
        assertThat(world.calls("UpdateService")).isEqualTo(updates);
        busy.stop(new InterruptedException("test over"));
    }

    @Test
    void shouldRollBackAndRecordWhoAbortedWhenStopped() throws Exception {
        String previous = world.service("roll-stop", 1);
        TestStepContext context = new TestStepContext();
        var execution = execution(step("roll-stop", EcsWorld.SLOW), context);
        awaitPhase(execution, Phase.ROLLING_OUT);

        InterruptedException cause = new InterruptedException("aborted by alice");
        execution.stop(cause);
        execution.stop(cause);

        assertThat(context.awaitFailure(WAIT)).isSameAs(cause);
        assertThat(context.log()).contains("aborted by alice").contains("ABORTED");
        world.settle("roll-stop");
        assertThat(world.primaryTaskDefinition("roll-stop")).isEqualTo(previous);
    }

    @Test
    void shouldFinishAfterARestartWithoutRepeatingAMutation() throws Exception {
        world.service("roll-restart", 2);
        long registers = world.calls("RegisterTaskDefinition");
        long updates = world.calls("UpdateService");
        TestStepContext context = new TestStepContext();
        var execution = execution(step("roll-restart", EcsWorld.HEALTHY_V2), context);
        awaitPhase(execution, Phase.ROLLING_OUT);

        context.kill();
        services.restart();
        DurableOperationExecution<?, ?, ?> resumed = Serialization.roundTrip(execution);
        resumed.onResume();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL");
        assertThat(world.calls("RegisterTaskDefinition")).isEqualTo(registers + 1);
        assertThat(world.calls("UpdateService")).isEqualTo(updates + 1);
    }

    @Test
    void shouldReturnWithoutWaitingOnceTheDeploymentStarted() throws Exception {
        world.service("roll-nowait", 1);
        EcsDeployRollingStep step = step("roll-nowait", EcsWorld.SLOW);
        step.setWait(false);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "IN_PROGRESS");
        assertThat((String) result.get("serviceDeploymentArn")).startsWith("arn:aws:ecs:");
    }

    @Test
    void shouldPrintThePlanAndChangeNothingInADryRun() throws Exception {
        world.service("roll-dry", 1);
        long registers = world.calls("RegisterTaskDefinition");
        long updates = world.calls("UpdateService");
        EcsDeployRollingStep step = step("roll-dry", EcsWorld.HEALTHY_V2);
        step.setDryRun(true);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "DRY_RUN");
        assertThat(context.log()).contains("Plan for main/roll-dry").contains(EcsWorld.HEALTHY_V2);
        assertThat(world.calls("RegisterTaskDefinition")).isEqualTo(registers);
        assertThat(world.calls("UpdateService")).isEqualTo(updates);
    }

    static DurableOperationExecution<?, ?, ?> execution(AbstractEcsStep step, TestStepContext context)
            throws Exception {
        var execution = (DurableOperationExecution<?, ?, ?>) step.start(context);
        execution.start();
        return execution;
    }

    static void awaitPhase(DurableOperationExecution<?, ?, ?> execution, Phase phase) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (execution.handle() instanceof DeploymentHandle handle && handle.phase() == phase) {
                return;
            }
            EcsWorld.sleep(10);
        }
        throw new AssertionError("never reached " + phase + ": " + execution.getStatus());
    }
}
