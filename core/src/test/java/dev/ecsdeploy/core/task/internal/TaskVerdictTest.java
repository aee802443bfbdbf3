package dev.ecsdeploy.core.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.task.*;
import dev.ecsdeploy.core.task.TaskRunHandle.ContainerSpec;
import dev.ecsdeploy.core.task.TaskRunHandle.Phase;
import dev.ecsdeploy.core.task.TaskRunHandle.StopCause;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskVerdictTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/job:7";
    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task/jobs/abc";

    @Test
    void shouldSucceedWhenEveryEssentialContainerExitsZero() {
        TaskRunResult result = judge(stopped("EssentialContainerExited", app(0), sidecar(1)));

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(result.problems()).isEmpty();
        assertThat(result.message()).isEqualTo("1 task(s) of job:7 exited 0");
    }

    @Test
    void shouldFailNamingContainerTaskAndCodeWhenAnEssentialContainerExitsNonZero() {
        TaskRunResult result = judge(stopped("EssentialContainerExited", app(3), sidecar(0)));

        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.message()).isEqualTo("task run failed: container app of task abc exited with code 3");
    }

    @Test
    void shouldJudgeOnlyTheNamedContainerWhenOneIsNamed() {
        TaskRunHandle handle = handle(
                request().verdictContainer("sidecar").build(), stopped("EssentialContainerExited", app(0), sidecar(1)));

        TaskRunResult result = TaskVerdict.judge(handle);

        assertThat(result.problems()).containsExactly("container sidecar of task abc exited with code 1");
    }

    @Test
    void shouldFailWhenTheTaskFailedToStart() {
        ContainerResult pullFailed = new ContainerResult(
                "app",
                true,
                "STOPPED",
                null,
                "CannotPullContainerError: pull image manifest has been retried 5 time(s)");
        TaskResult task = new TaskResult(
                ARN,
                "STOPPED",
                "TaskFailedToStart",
                "CannotPullContainerError: pull image manifest has been retried",
                T0,
                T0,
                List.of(pullFailed));

        TaskRunResult result = judge(task);

        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.problems().get(0))
                .startsWith("task abc failed to start: CannotPullContainerError")
                .contains("; container app: CannotPullContainerError");
    }

    @Test
    void shouldFailWhenAnEssentialContainerHasNoExitCode() {
        ContainerResult never = new ContainerResult("app", true, "STOPPED", null, null);
        TaskResult task = new TaskResult(
                ARN,
                "STOPPED",
                "EssentialContainerExited",
                "Essential container in task" + " exited",
                T0,
                T0,
                List.of(never));

        assertThat(judge(task).problems())
                .containsExactly("container app of task abc has no exit code: Essential container in task exited");
    }

    @Test
    void shouldReportTimeoutWhateverTheExitCodes() {
        TaskRunHandle handle = handle(request().build(), stopped("UserInitiated", app(0))).toBuilder()
                .stopRequested(StopCause.TIMEOUT, "Stopped by ecs-deploy: timeout after 10m", T0)
                .build();

        TaskRunResult result = TaskVerdict.judge(handle);

        assertThat(result.status()).isEqualTo(TaskRunStatus.TIMED_OUT);
        assertThat(result.message()).isEqualTo("task run timed out: Stopped by ecs-deploy: timeout after 10m");
    }

    @Test
    void shouldReportStartedForARunningTaskInFireAndForgetMode() {
        TaskResult running = new TaskResult(
                ARN, "RUNNING", null, null, T0, null, List.of(new ContainerResult("app", true, "RUNNING", null, null)));

        TaskRunResult result = TaskVerdict.judge(
                handle(request().waitMode(WaitMode.UNTIL_RUNNING).build(), running));

        assertThat(result.status()).isEqualTo(TaskRunStatus.STARTED);
        assertThat(result.succeeded()).isTrue();
    }

    @Test
    void shouldFailWhenRunTaskReportedFailures() {
        TaskRunHandle handle = handle(request().build(), stopped("EssentialContainerExited", app(0))).toBuilder()
                .launched(T0, List.of(ARN), List.of("RESOURCE:MEMORY"))
                .build();

        assertThat(TaskVerdict.judge(handle).problems())
                .containsExactly("RunTask did not start a task: RESOURCE:MEMORY");
    }

    private static TaskRunResult judge(TaskResult task) {
        return TaskVerdict.judge(handle(request().build(), task));
    }

    private static TaskRunRequest.Builder request() {
        return TaskRunRequest.builder().cluster("jobs").taskDefinition(TD);
    }

    static TaskRunHandle handle(TaskRunRequest launch, TaskResult task) {
        return TaskRunHandle.builder()
                .cluster("jobs")
                .clientToken("token")
                .launch(launch)
                .containers(List.of(
                        new ContainerSpec("app", true, "/ecs/job", "us-east-1", "ecs"),
                        new ContainerSpec("sidecar", false, null, null, null)))
                .launched(T0, List.of(task.taskArn()), List.of())
                .tasks(List.of(task))
                .phase(Phase.DONE)
                .build();
    }

    private static TaskResult stopped(String stopCode, ContainerResult... containers) {
        return new TaskResult(
                ARN,
                "STOPPED",
                stopCode,
                "Essential container in task exited",
                T0,
                T0.plusSeconds(9),
                List.of(containers));
    }

    private static ContainerResult app(int exitCode) {
        return new ContainerResult("app", true, "STOPPED", exitCode, null);
    }

    private static ContainerResult sidecar(int exitCode) {
        return new ContainerResult("sidecar", false, "STOPPED", exitCode, null);
    }
}
