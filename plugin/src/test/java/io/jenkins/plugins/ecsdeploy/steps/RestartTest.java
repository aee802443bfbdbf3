package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.AbortException;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.exec.ShortCallExecution;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.Serialization;
import io.jenkins.plugins.ecsdeploy.testing.TestBodyInvoker;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restarts in the middle of a canary's pause and of a short call. */
class RestartTest {
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

    @Test
    void shouldContinueACanaryAfterARestartWithoutRunningTheBodyAgain() throws Exception {
        world.trafficShiftingService("restart-canary", 2);
        long updates = world.calls("UpdateService");
        CountDownLatch release = new CountDownLatch(1);
        TestBodyInvoker body = new TestBodyInvoker(contexts -> {
            release.await();
            return "smoke test passed";
        });
        TestStepContext context = new TestStepContext().withBody(body);
        EcsDeployCanaryStep step = new EcsDeployCanaryStep("restart-canary");
        step.setCluster(EcsWorld.CLUSTER);
        step.setImage(EcsWorld.HEALTHY_V2);
        var execution = EcsDeployRollingStepTest.execution(step, context);
        EcsDeployRollingStepTest.awaitPhase(execution, Phase.AWAITING_DECISION);

        context.kill();
        services.restart();
        // Pipeline persists the execution and the body's callback in one program, so the callback of the resumed
        // body answers the resumed execution.
        Object[] program = Serialization.roundTrip(new Object[] {execution, body.callback()});
        DurableOperationExecution<?, ?, ?> resumed = (DurableOperationExecution<?, ?, ?>) program[0];
        body.replaceCallback((BodyExecutionCallback) program[1]);
        resumed.onResume();
        release.countDown();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCESSFUL");
        assertThat(body.runs()).isEqualTo(1);
        assertThat(world.calls("UpdateService")).isEqualTo(updates + 1);
    }

    @Test
    void shouldFailAShortCallThatARestartInterruptedWithTheRetryHint() throws Exception {
        TestStepContext context = new TestStepContext();
        ShortCallExecution execution = new ShortCallExecution(context, "promotion of web:1", ctx -> Map.of());

        ShortCallExecution resumed = Serialization.roundTrip(execution);
        resumed.onResume();

        assertThat(context.awaitFailure(WAIT))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("promotion of web:1")
                .hasMessageContaining("nonresumable()");
    }
}
