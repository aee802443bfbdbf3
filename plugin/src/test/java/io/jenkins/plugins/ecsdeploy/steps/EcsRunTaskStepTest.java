package io.jenkins.plugins.ecsdeploy.steps;

import static io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStepTest.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.AbortException;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.testing.EcsWorld;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.Serialization;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;

class EcsRunTaskStepTest {
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

    private String job(String family, String image) {
        return AWS.ecs()
                .registerTaskDefinition(r -> r.family(family)
                        .containerDefinitions(ContainerDefinition.builder()
                                .name("app")
                                .image(image)
                                .essential(true)
                                .memory(512)
                                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                                        .options(Map.of(
                                                "awslogs-group", "/ecs/" + family,
                                                "awslogs-region", "us-east-1",
                                                "awslogs-stream-prefix", "ecs",
                                                "awslogs-create-group", "true")))
                                .build()))
                .taskDefinition()
                .taskDefinitionArn();
    }

    private static EcsRunTaskStep step(String taskDefinition) {
        EcsRunTaskStep step = new EcsRunTaskStep();
        step.setCluster(EcsWorld.CLUSTER);
        step.setTaskDefinition(taskDefinition);
        step.setLaunchType("EC2");
        return step;
    }

    @Test
    void shouldStreamTheLogAndReturnExitCodesWhenTheTaskSucceeds() throws Exception {
        job("migrate", EcsWorld.JOB);
        EcsRunTaskStep step = step("migrate");
        step.setContainer("app");
        step.setCommand("[\"./migrate\", \"up\"]");
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("exitCodes", Map.of("app", 0));
        assertThat((List<?>) result.get("taskArns")).hasSize(1);
        assertThat(context.log()).contains("migrating").contains("done").contains("/ecs/v2/clusters/main/tasks/");
    }

    @Test
    void shouldFailNamingTheContainerWhenAnEssentialContainerExitsNonZero() throws Exception {
        job("failing", EcsWorld.FAILING_JOB);
        TestStepContext context = new TestStepContext();

        step("failing").start(context).start();

        Throwable failure = context.awaitFailure(WAIT);
        assertThat(failure).isInstanceOf(AbortException.class).hasMessageContaining("exited with code 3");
        assertThat(context.log()).contains("boom");
    }

    @Test
    void shouldRunTheImageInTheOnlyContainerWhenNoneIsNamed() throws Exception {
        job("single", EcsWorld.JOB);
        EcsRunTaskStep step = step("single");
        step.setImage(EcsWorld.FAILING_JOB);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        assertThat(context.awaitFailure(WAIT))
                .as("the derived revision ran the failing image in container app")
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("app")
                .hasMessageContaining("exited with code 3");
        assertThat(context.log()).contains("boom");
    }

    @Test
    void shouldHideContainerOutputWithoutStreamLogs() throws Exception {
        job("quiet", EcsWorld.JOB);
        EcsRunTaskStep step = step("quiet");
        step.setStreamLogs(false);
        TestStepContext context = new TestStepContext();

        step.start(context).start();

        context.awaitSuccess(WAIT);
        assertThat(context.log()).doesNotContain("migrating");
    }

    @Test
    void shouldStopTheTaskWhenStopped() throws Exception {
        job("long", EcsWorld.LONG_JOB);
        TestStepContext context = new TestStepContext();
        var execution = (DurableOperationExecution<?, ?, ?>) step("long").start(context);
        execution.start();
        awaitTasks(execution);

        execution.stop(new InterruptedException("aborted by carol"));

        assertThat(context.awaitFailure(WAIT)).hasMessage("aborted by carol");
        assertThat(world.calls("StopTask")).isPositive();
        assertThat(context.log()).contains("aborted by carol");
    }

    @Test
    void shouldNotStartASecondTaskAfterARestart() throws Exception {
        job("restart-job", EcsWorld.JOB);
        long runs = world.calls("RunTask");
        TestStepContext context = new TestStepContext();
        var execution = (DurableOperationExecution<?, ?, ?>) step("restart-job").start(context);
        execution.start();
        awaitTasks(execution);

        context.kill();
        services.restart();
        DurableOperationExecution<?, ?, ?> resumed = Serialization.roundTrip(execution);
        resumed.onResume();

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) context.awaitSuccess(WAIT);
        assertThat(result).containsEntry("status", "SUCCEEDED");
        assertThat(world.calls("RunTask")).isEqualTo(runs + 1);
    }

    static void awaitTasks(DurableOperationExecution<?, ?, ?> execution) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (execution.handle() instanceof TaskRunHandle handle
                    && !handle.taskArns().isEmpty()) {
                return;
            }
            EcsWorld.sleep(10);
        }
        throw new AssertionError("no task started: " + execution.getStatus());
    }
}
