package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.task.TaskRunHandle;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.testing.Serialization;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Executions serialized by an earlier version (written by {@link SerialFormWriter}, never regenerated in place) must
 * still load, as Pipeline's program.dat would after an upgrade: same classes, same fields, same handles.
 */
class SerialFormTest {
    @Test
    void shouldReadARollingDeploymentCaughtWhileRollingOut() throws IOException {
        DurableOperationExecution<?, ?, ?> execution = read("rolling-deployment-rolling-out.ser");

        assertThat(execution.getStatus()).isEqualTo("deployment of golden-web in main: in progress");
        DeploymentHandle handle = (DeploymentHandle) execution.handle();
        assertThat(handle.phase()).isEqualTo(Phase.ROLLING_OUT);
        assertThat(handle.service()).isEqualTo("golden-web");
        assertThat(handle.serviceDeploymentArn()).startsWith("arn:aws:ecs:us-east-1:123456789012:service-deployment/");
        assertThat(execution.isDone()).isFalse();
    }

    @Test
    void shouldReadACanaryWaitingForItsBody() throws IOException {
        DurableOperationExecution<?, ?, ?> execution = read("canary-deployment-awaiting-body.ser");

        assertThat(execution.awaiting().stage()).isEqualTo("POST_TEST_TRAFFIC_SHIFT");
        assertThat(((DeploymentHandle) execution.handle()).phase()).isEqualTo(Phase.AWAITING_DECISION);
        assertThat(execution.getStatus()).contains("awaiting a decision at stage POST_TEST_TRAFFIC_SHIFT");
    }

    @Test
    void shouldReadATaskRunFollowingItsTask() throws IOException {
        DurableOperationExecution<?, ?, ?> execution = read("run-task-following.ser");

        TaskRunHandle handle = (TaskRunHandle) execution.handle();
        assertThat(handle.phase()).isEqualTo(TaskRunHandle.Phase.FOLLOWING);
        assertThat(handle.taskArns()).hasSize(1);
        assertThat(handle.clientToken()).isNotBlank();
        assertThat(execution.getStatus()).isEqualTo("task run in main: in progress");
    }

    @Test
    void shouldReadAnEnvironmentBlock() throws IOException {
        WithEcsEnvironmentStep.Execution execution = read("with-ecs-environment.ser");

        assertThat(execution.environment().name()).isEqualTo("prod");
        assertThat(execution.environment().cluster()).isEqualTo("prod-cluster");
        assertThat(execution.environment().target().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/deployer");
    }

    private static <T> T read(String name) throws IOException {
        try (InputStream in = SerialFormTest.class.getResourceAsStream("serial-form/" + name)) {
            assertThat(in).as("serial form " + name).isNotNull();
            return Serialization.deserialize(in.readAllBytes());
        }
    }
}
