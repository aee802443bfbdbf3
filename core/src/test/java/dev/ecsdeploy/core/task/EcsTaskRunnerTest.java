package dev.ecsdeploy.core.task;

import static dev.ecsdeploy.core.task.RunTaskFixtures.CLUSTER;
import static dev.ecsdeploy.core.task.RunTaskFixtures.IMAGE;
import static dev.ecsdeploy.core.task.RunTaskFixtures.numbered;
import static dev.ecsdeploy.core.task.RunTaskFixtures.request;
import static dev.ecsdeploy.core.task.RunTaskFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.task.RunTaskFixtures.Recorder;
import dev.ecsdeploy.core.task.internal.TaskStates;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EcsTaskRunnerTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final Recorder recorder = new Recorder();
    private AwsClients clients;
    private Emulator emulator;
    private BlockingRunner runner;

    @BeforeEach
    void setUp() {
        emulator = aws.emulator();
        clients = TestAwsClients.create();
        runner = RunTaskFixtures.runner(emulator, clients);
        RunTaskFixtures.cluster(aws.ecs());
        RunTaskFixtures.taskDefinition(aws.ecs(), RunTaskFixtures.app());
    }

    @AfterEach
    void tearDown() {
        clients.close();
    }

    @Test
    void shouldSucceedAndStreamEveryLineWhenTheContainerExitsZero() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(20), 0, List.of("migrating", "done")));

        TaskRunResult result = runner.runAndWait(request().build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(result.exitCode("app")).contains(0);
        TaskResult task = result.tasks().get(0);
        assertThat(task.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(task.startedAt()).isNotNull();
        assertThat(task.stoppedAt()).isAfter(task.startedAt());
        assertThat(recorder.lines()).containsExactly("migrating", "done");
        assertThat(result.message()).isEqualTo("1 task(s) of job:1 exited 0");
    }

    @Test
    void shouldFailNamingTheContainerAndItsExitCode() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(10), 3, List.of("boom")));

        TaskRunResult result = runner.runAndWait(request().build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.exitCode("app")).contains(3);
        assertThat(result.message())
                .startsWith("task run failed: container app of task ")
                .contains("exited with code 3");
        assertThat(recorder.lines()).containsExactly("boom");
    }

    @Test
    void shouldFailWhenTheTaskFailsToStart() {
        emulator.ecs().simulatePullFailure(IMAGE);

        TaskRunResult result = runner.runAndWait(request().build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.tasks().get(0).stopCode()).isEqualTo("TaskFailedToStart");
        assertThat(result.message()).contains("failed to start").contains("CannotPullContainerError");
        assertThat(result.exitCode("app")).isEmpty();
    }

    @Test
    void shouldFailWithEcsReasonWhenRunTaskPlacesNoTaskForWantOfCapacity() {
        emulator.ecs().taskCapacity(0);

        assertThatThrownBy(() -> runner.runAndWait(request().build(), recorder))
                .isInstanceOf(TaskRunException.class)
                .hasMessageStartingWith("RunTask started no task of job:1: ")
                .hasMessageEndingWith("RESOURCE:MEMORY");
        assertThat(emulator.callLog().count("ecs", "RunTask")).isEqualTo(1);
    }

    @Test
    void shouldFailTheRunWhenRunTaskPlacesOnlySomeOfTheTasks() {
        emulator.ecs().taskCapacity(1);
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(10), 0, List.of("ok")));

        TaskRunResult result = runner.runAndWait(request().count(2).build(), recorder);

        assertThat(result.tasks()).hasSize(1);
        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.message()).contains("RunTask did not start a task: ").contains("RESOURCE:MEMORY");
    }

    @Test
    void shouldStopTheTaskWithAReasonWhenItTimesOut() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofHours(1), 0, numbered("tick", 3600)));

        TaskRunResult result =
                runner.runAndWait(request().timeout(Duration.ofMinutes(1)).build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.TIMED_OUT);
        assertThat(stopReasons()).containsExactly("Stopped by ecs-deploy: timeout after 1m");
        TaskResult task = result.tasks().get(0);
        assertThat(task.stopCode()).isEqualTo("UserInitiated");
        assertThat(task.stoppedReason()).isEqualTo("Stopped by ecs-deploy: timeout after 1m");
        assertThat(result.exitCode("app")).contains(143);
        assertThat(recorder.lines())
                .isNotEmpty()
                .isEqualTo(numbered("tick", recorder.lines().size()));
    }

    @Test
    void shouldStopTheTaskAndStillCollectItsExitCodeWhenAborted() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofMinutes(10), 0, numbered("line", 600)));
        TaskRunHandle handle = runner.start(request().build(), recorder);
        handle = pollFor(handle, Duration.ofSeconds(30));

        handle = runner.stop(handle, "alice", recorder);
        TaskRunResult result = runner.awaitCompletion(handle, recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.ABORTED);
        assertThat(stopReasons()).containsExactly("Stopped by ecs-deploy: aborted by alice");
        assertThat(result.exitCode("app")).contains(143);
        assertThat(result.message()).contains("aborted by alice");
        assertThat(recorder.lines())
                .isNotEmpty()
                .isEqualTo(numbered("line", recorder.lines().size()));
    }

    @Test
    void shouldIgnoreARepeatedStop() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofMinutes(10), 0, List.of()));
        TaskRunHandle handle = runner.start(request().build(), recorder);

        TaskRunHandle stopping = runner.stop(handle, "alice", recorder);
        TaskRunHandle again = runner.stop(stopping, "bob", recorder);

        assertThat(again.stopReason()).isEqualTo("Stopped by ecs-deploy: aborted by alice");
        assertThat(emulator.callLog().count("ecs", "StopTask")).isEqualTo(1);
    }

    @Test
    void shouldFailWhenOneOfSeveralTasksFails() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(60), 0, List.of("working")));
        TaskRunHandle handle = runner.start(request().count(3).build(), recorder);
        String victim = handle.taskArns().get(1);
        handle = pollFor(handle, Duration.ofSeconds(20));
        aws.ecs().stopTask(r -> r.cluster(CLUSTER).task(victim).reason("killed by an operator"));

        TaskRunResult result = runner.awaitCompletion(handle, recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.tasks()).hasSize(3);
        assertThat(result.tasks())
                .extracting(t -> t.container("app").orElseThrow().exitCode())
                .containsExactly(0, 143, 0);
        assertThat(result.problems())
                .containsExactly("container app of task " + TaskStates.taskId(victim) + " exited with code 143");
        assertThat(recorder.lines()).containsExactly("working", "working", "working");
    }

    @Test
    void shouldStopFollowingOnceRunningInFireAndForgetMode() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofHours(1), 0, List.of()));

        TaskRunResult result =
                runner.runAndWait(request().waitMode(WaitMode.UNTIL_RUNNING).build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.STARTED);
        assertThat(result.tasks().get(0).lastStatus()).isEqualTo("RUNNING");
        assertThat(emulator.callLog().count("ecs", "StopTask")).isZero();
        assertThat(aws.ecs()
                        .describeTasks(r ->
                                r.cluster(CLUSTER).tasks(result.tasks().get(0).taskArn()))
                        .tasks()
                        .get(0)
                        .lastStatus())
                .isEqualTo("RUNNING");
    }

    @Test
    void shouldJudgeOnlyTheNamedContainerWhenOneIsGiven() {
        RunTaskFixtures.taskDefinition(
                aws.ecs(),
                RunTaskFixtures.app(),
                RunTaskFixtures.container("sidecar", "registry.example.com/sidecar:1", false));
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(10), 0, List.of()));
        emulator.ecs().simulate("registry.example.com/sidecar:1", workload(Duration.ofSeconds(5), 2, List.of()));

        TaskRunResult essentialOnly = runner.runAndWait(request().build(), recorder);
        TaskRunResult sidecarNamed =
                runner.runAndWait(request().verdictContainer("sidecar").build(), recorder);

        assertThat(essentialOnly.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(sidecarNamed.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(sidecarNamed.message()).contains("container sidecar of task").contains("exited with code 2");
    }

    @Test
    void shouldStopTheTasksWhenTheWaitingThreadIsInterrupted() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofMinutes(10), 0, List.of()));
        AtomicBoolean interrupted = new AtomicBoolean();
        Instant interruptAfter = emulator.now().plusSeconds(20);
        BlockingRunner interruptible = new BlockingRunner(
                EcsTaskRunner.builder()
                        .clients(clients)
                        .connection(RunTaskFixtures.connection(emulator))
                        .clock(emulator::now)
                        .build(),
                d -> {
                    if (emulator.now().isAfter(interruptAfter) && !interrupted.getAndSet(true)) {
                        throw new InterruptedException();
                    }
                    emulator.advance(d);
                });

        TaskRunResult result = interruptible.runAndWait(request().build(), recorder);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.status()).isEqualTo(TaskRunStatus.ABORTED);
        assertThat(stopReasons())
                .containsExactly("Stopped by ecs-deploy: aborted by interruption of the waiting thread");
        assertThat(result.exitCode("app")).contains(143);
    }

    @Test
    void shouldTolerateAMissingTaskRightAfterRunTaskButNotAfterTheGracePeriod() {
        String ghost = "arn:aws:ecs:us-east-1:123456789012:task/jobs/0123ghost";
        TaskRunHandle handle = TaskRunHandle.builder()
                .cluster(CLUSTER)
                .clientToken("token")
                .launch(request()
                        .taskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/job:1")
                        .build())
                .phase(TaskRunHandle.Phase.FOLLOWING)
                .launched(emulator.now(), List.of(ghost), List.of())
                .tasks(List.of(new TaskResult(ghost, "PROVISIONING", null, null, null, null, List.of())))
                .describeSchedule(0, emulator.now())
                .build();

        OperationPoll<TaskRunHandle, TaskRunResult> early = runner.poll(handle, recorder);
        TaskRunResult result = runner.awaitCompletion(early.handle(), recorder);

        assertThat(early.isDone()).isFalse();
        assertThat(early.handle().tasks().get(0).lastStatus()).isEqualTo("PROVISIONING");
        assertThat(result.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(result.problems())
                .containsExactly("task 0123ghost is lost: DescribeTasks still reports it MISSING 30s or more after"
                        + " RunTask (stopped tasks stay visible for at least an hour)");
    }

    private TaskRunHandle pollFor(TaskRunHandle handle, Duration duration) {
        var until = emulator.now().plus(duration);
        OperationPoll<TaskRunHandle, TaskRunResult> poll = runner.poll(handle, recorder);
        while (emulator.now().isBefore(until) && !poll.isDone()) {
            emulator.advance(poll.nextPollIn());
            poll = runner.poll(poll.handle(), recorder);
        }
        return poll.handle();
    }

    private List<String> stopReasons() {
        return emulator.callLog().calls("ecs", "StopTask").stream()
                .map(CallRecord::parameters)
                .map(p -> p.getOrDefault("reason", "?"))
                .toList();
    }
}
