package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestBodyInvoker;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsDeployCanaryStepTest {
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

    private static EcsDeployCanaryStep step(String service) {
        EcsDeployCanaryStep step = new EcsDeployCanaryStep(service);
        step.setCluster(EcsWorld.CLUSTER);
        step.setImage(EcsWorld.HEALTHY_V2);
        step.setCanaryPercent(10.0);
        step.setCanaryBakeTimeInMinutes(1);
        return step;
    }

    @Test
    void shouldContinueWhenTheBodySucceeds() throws Exception {
        world.trafficShiftingService("canary-ok", 2);
        TestBodyInvoker body = TestBodyInvoker.succeeding();
        TestStepContext context = new TestStepContext().withBody(body);

        step("canary-ok").start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL");
        assertThat(body.runs()).isEqualTo(1);
        assertThat(world.calls("ContinueServiceDeployment")).isPositive();
        assertThat(context.log()).contains("the body succeeded: continuing");
    }

    @Test
    void shouldRollBackWhenTheBodyFails() throws Exception {
        String previous = world.trafficShiftingService("canary-bad", 2);
        TestBodyInvoker body = TestBodyInvoker.failing("smoke test: 500 on /health");
        TestStepContext context = new TestStepContext().withBody(body);

        step("canary-bad").start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("ROLLED_BACK");
        assertThat(body.runs()).isEqualTo(1);
        assertThat(context.log()).contains("smoke test: 500 on /health").contains("rolling the deployment back");
        world.settle("canary-bad");
        assertThat(world.primaryTaskDefinition("canary-bad")).isEqualTo(previous);
    }

    @Test
    void shouldOfferTheDecisionOnTheBuildPageWithoutABody() throws Exception {
        world.trafficShiftingService("canary-page", 2);
        List<Action> actions = new CopyOnWriteArrayList<>();
        TestStepContext context = new TestStepContext().put(Run.class, runCollecting(actions));
        var execution = (DurableOperationExecution<?, ?, ?>) step("canary-page").start(context);
        execution.start();
        awaitPhase(execution, Phase.AWAITING_DECISION);
        awaitAction(actions);

        CanaryDecisionAction action = (CanaryDecisionAction) actions.get(0);
        action.usePermission(run -> {});
        action.onAttached(null);
        action.doContinue();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL");
        assertThat(action.getDecision()).isEqualTo("CONTINUE");
        assertThat(action.isOpen()).isFalse();
    }

    @Test
    void shouldApplyThePauseTimeoutActionWhenNobodyDecides() throws Exception {
        world.trafficShiftingService("canary-timeout", 2);
        EcsDeployCanaryStep step = step("canary-timeout");
        step.setPauseTimeout(1);
        step.setPauseTimeoutAction("rollback");
        TestStepContext context = new TestStepContext().put(Run.class, runCollecting(new CopyOnWriteArrayList<>()));

        step.start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("ROLLED_BACK");
        assertThat(context.log()).contains("nobody decided within 1 min: ROLLBACK");
    }

    @Test
    void shouldRollBackWhenStoppedWhileTheBodyRuns() throws Exception {
        String previous = world.trafficShiftingService("canary-stop", 2);
        TestBodyInvoker body = new TestBodyInvoker(contexts -> {
            Thread.sleep(600_000);
            return null;
        });
        TestStepContext context = new TestStepContext().withBody(body);
        var execution = (DurableOperationExecution<?, ?, ?>) step("canary-stop").start(context);
        execution.start();
        awaitPhase(execution, Phase.AWAITING_DECISION);

        execution.stop(new InterruptedException("aborted by bob"));

        assertThat(context.awaitFailure(WAIT)).hasMessage("aborted by bob");
        world.settle("canary-stop");
        assertThat(world.primaryTaskDefinition("canary-stop")).isEqualTo(previous);
    }

    @Test
    void shouldRefuseACodeDeployServiceWithAClearMessage() throws Exception {
        String taskDefinition = world.registerTaskDefinition("canary-cd", EcsWorld.HEALTHY);
        AWS.ecs()
                .createService(r -> r.cluster(EcsWorld.CLUSTER)
                        .serviceName("canary-cd")
                        .taskDefinition(taskDefinition)
                        .desiredCount(1)
                        .launchType("FARGATE")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-0123456789abcdef0")))
                        .deploymentController(c -> c.type("CODE_DEPLOY")));
        TestStepContext context = new TestStepContext().withBody(TestBodyInvoker.succeeding());

        step("canary-cd").start(context).start();

        assertThat(context.awaitFailure(WAIT)).hasMessageContaining("CODE_DEPLOY deployment controller");
    }

    static Run<?, ?> runCollecting(List<Action> actions) {
        Run<?, ?> run = mock(Run.class);
        doAnswer(call -> actions.add(call.getArgument(0))).when(run).addAction(any());
        doAnswer(call -> actions.stream().findFirst().orElse(null)).when(run).getAction(CanaryDecisionAction.class);
        return run;
    }

    static void awaitAction(List<Action> actions) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (actions.isEmpty() && System.nanoTime() < deadline) {
            EcsWorld.sleep(10);
        }
        assertThat(actions).hasSize(1);
    }

    private static void awaitPhase(DurableOperationExecution<?, ?, ?> execution, Phase phase) {
        EcsDeployRollingStepTest.awaitPhase(execution, phase);
        assertThat(((DeploymentHandle) execution.handle()).phase()).isEqualTo(phase);
    }
}
