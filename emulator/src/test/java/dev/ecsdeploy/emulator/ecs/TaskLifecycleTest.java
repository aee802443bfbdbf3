package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.describe;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.InvalidParameterException;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

class TaskLifecycleTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private EcsClient ecs;
    private Emulator emulator;

    @BeforeEach
    void setUp() {
        ecs = aws.ecs();
        emulator = aws.emulator();
        cluster(ecs, "jobs");
    }

    private String runTask(String image) {
        taskDefinition(ecs, "job", image);
        return ecs.runTask(r -> r.cluster("jobs").taskDefinition("job"))
                .tasks()
                .get(0)
                .taskArn();
    }

    @Test
    void shouldMoveThroughEveryStatusAtExactDueTimes() {
        emulator.ecs()
                .simulate(
                        "job:ok",
                        Workload.DEFAULT.withStartup(Duration.ofSeconds(5)).withRun(Duration.ofSeconds(10)));
        Instant launched = emulator.now();
        String arn = runTask("job:ok");

        assertThat(describe(ecs, "jobs", arn).lastStatus()).isEqualTo("PROVISIONING");
        emulator.advance(Duration.ofSeconds(3));
        assertThat(describe(ecs, "jobs", arn).lastStatus()).isEqualTo("PENDING");
        emulator.advance(Duration.ofSeconds(10));
        Task running = describe(ecs, "jobs", arn);
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt())
                .isEqualTo(launched.plusSeconds(7).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        emulator.advance(Duration.ofSeconds(5));
        assertThat(describe(ecs, "jobs", arn).lastStatus()).isEqualTo("DEPROVISIONING");
        emulator.advance(Duration.ofSeconds(10));

        Task stopped = describe(ecs, "jobs", arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.containers().get(0).exitCode()).isZero();
        assertThat(stopped.executionStoppedAt()).isEqualTo(stopped.startedAt().plusSeconds(10));
        assertThat(stopped.stoppedAt()).isEqualTo(stopped.executionStoppedAt().plusSeconds(5));
    }

    @Test
    void shouldReportTheWorkloadExitCode() {
        emulator.ecs().simulate("job:three", Workload.DEFAULT.withExitCode(3));
        String arn = runTask("job:three");
        emulator.advance(Duration.ofMinutes(1));

        Task task = describe(ecs, "jobs", arn);
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(task.containers().get(0).exitCode()).isEqualTo(3);
    }

    @Test
    void shouldExitWithOneWhenTheImageCrashes() {
        emulator.ecs().simulate("job:crash", Workload.DEFAULT.withHealth(Health.CRASH));
        String arn = runTask("job:crash");
        emulator.advance(Duration.ofSeconds(2 + 5 + 2));

        Task task = describe(ecs, "jobs", arn);
        assertThat(task.desiredStatus()).isEqualTo("STOPPED");
        assertThat(task.containers().get(0).exitCode()).isEqualTo(1);
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
    }

    @Test
    void shouldFailToStartWithCannotPullContainerErrorWhenTheImageIsMissing() {
        String missing = emulator.registryHost() + "/app:nope";
        emulator.ecs().simulatePullFailure(missing);
        String arn = runTask(missing);
        emulator.advance(Duration.ofSeconds(30));

        Task task = describe(ecs, "jobs", arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(task.stoppedReason()).startsWith("CannotPullContainerError:");
        assertThat(task.containers().get(0).reason())
                .startsWith("CannotPullContainerError:")
                .contains(missing);
        assertThat(task.containers().get(0).exitCode()).isNull();
        assertThat(task.startedAt()).isNull();
    }

    @Test
    void shouldStopOnRequestWithUserInitiated() {
        emulator.ecs().simulate("job:long", Workload.DEFAULT.withRun(Duration.ofHours(1)));
        String arn = runTask("job:long");
        emulator.advance(Duration.ofSeconds(30));

        Task stopping = ecs.stopTask(r -> r.cluster("jobs").task(arn).reason("deploy aborted"))
                .task();
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        emulator.advance(Duration.ofSeconds(10));

        Task task = describe(ecs, "jobs", arn);
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(task.stoppedReason()).isEqualTo("deploy aborted");
        assertThat(task.containers().get(0).exitCode()).isEqualTo(143);
    }

    @Test
    void shouldReturnTheSameTaskForTheSameClientToken() {
        taskDefinition(ecs, "job", "job:ok");
        String first = ecs.runTask(r -> r.cluster("jobs").taskDefinition("job").clientToken("token-1"))
                .tasks()
                .get(0)
                .taskArn();
        String second = ecs.runTask(r -> r.cluster("jobs").taskDefinition("job").clientToken("token-1"))
                .tasks()
                .get(0)
                .taskArn();

        assertThat(second).isEqualTo(first);
        assertThat(ecs.listTasks(r -> r.cluster("jobs")).taskArns()).containsExactly(first);
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("jobs")
                        .taskDefinition("job")
                        .startedBy("someone-else")
                        .clientToken("token-1")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void shouldStartANewTaskOnceTheClientTokenExpired() {
        taskDefinition(ecs, "job", "job:ok");
        String first = ecs.runTask(r -> r.cluster("jobs").taskDefinition("job").clientToken("t"))
                .tasks()
                .get(0)
                .taskArn();
        emulator.advance(Duration.ofHours(25));

        String later = ecs.runTask(r -> r.cluster("jobs").taskDefinition("job").clientToken("t"))
                .tasks()
                .get(0)
                .taskArn();

        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void shouldFilterListTasksAndRejectMoreThanHundredTasks() {
        taskDefinition(ecs, "job", "job:ok");
        taskDefinition(ecs, "other", "job:ok");
        String mine = ecs.runTask(r -> r.cluster("jobs").taskDefinition("job").startedBy("ci"))
                .tasks()
                .get(0)
                .taskArn();
        ecs.runTask(r -> r.cluster("jobs").taskDefinition("other"));

        assertThat(ecs.listTasks(r -> r.cluster("jobs").startedBy("ci")).taskArns())
                .containsExactly(mine);
        assertThat(ecs.listTasks(r -> r.cluster("jobs").family("job")).taskArns())
                .containsExactly(mine);
        assertThat(ecs.listTasks(r -> r.cluster("jobs").desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .isEmpty();
        List<String> tooMany =
                java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> ecs.describeTasks(r -> r.cluster("jobs").tasks(tooMany)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void shouldReportMissingTasksAsFailures() {
        var response = ecs.describeTasks(r -> r.cluster("jobs").tasks("0123"));

        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));
    }

    @Test
    void shouldValidateLaunchTypeAndNetworkingLikeEcs() {
        taskDefinition(ecs, "bridge", "job:ok");
        ecs.registerTaskDefinition(r -> r.family("vpc")
                .networkMode(NetworkMode.AWSVPC)
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(EcsFixtures.container("app", "job:ok")));

        assertThatThrownBy(() -> ecs.runTask(
                        r -> r.cluster("jobs").taskDefinition("bridge").launchType("FARGATE")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("does not support launch_type FARGATE");
        assertThatThrownBy(() -> ecs.runTask(r -> r.cluster("jobs").taskDefinition("vpc")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Network Configuration must be provided");
        Task task = ecs.runTask(r -> r.cluster("jobs")
                        .taskDefinition("vpc")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-1"))))
                .tasks()
                .get(0);
        assertThat(task.launchTypeAsString()).isEqualTo("FARGATE");
        assertThat(task.group()).isEqualTo("family:vpc");
    }

    @Test
    void shouldAnswerTasksBeyondTheCapacityLimitAsFailures() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/ecs/capacity"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"tasks\": 2}"))
                .build();
        assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        runTask("job:one");

        var response = ecs.runTask(r -> r.cluster("jobs").taskDefinition("job").count(3));

        assertThat(response.tasks()).hasSize(1);
        assertThat(response.failures())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY"));
    }

    @Test
    void shouldTakeScenariosThroughTheControlApi() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/ecs/simulate"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"image\": \"job:oom\", \"labels\": {\"dev.ecsdeploy.emulator.exit-code\": \"137\"}}"))
                .build();
        assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
        String arn = runTask("job:oom");

        emulator.advance(Duration.ofMinutes(1));

        assertThat(describe(ecs, "jobs", arn).containers().get(0).exitCode()).isEqualTo(137);
    }

    @Test
    void shouldWriteContainerOutputToCloudWatchLogs() {
        emulator.ecs().simulate("job:talk", Workload.DEFAULT.withLogLines(List.of("starting", "done")));
        String arn = runTask("job:talk");
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);

        emulator.advance(Duration.ofMinutes(1));

        var events = aws.logs()
                .getLogEvents(r -> r.logGroupName("/ecs/app")
                        .logStreamName("ecs/app/" + taskId)
                        .startFromHead(true))
                .events();
        assertThat(events).extracting(e -> e.message()).containsExactly("starting", "done");
        Task task = describe(ecs, "jobs", arn);
        assertThat(events.get(0).timestamp()).isEqualTo(task.startedAt().toEpochMilli());
        assertThat(events.get(1).timestamp())
                .isEqualTo(task.startedAt().plusSeconds(5).toEpochMilli());
    }

    @Test
    void shouldFailToPullAnImageThisRegistryDoesNotHold() {
        String image = emulator.registryHost() + "/nothing:1";
        String arn = runTask(image);

        emulator.advance(Duration.ofSeconds(30));

        Task task = describe(ecs, "jobs", arn);
        assertThat(task.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(task.containers().get(0).reason())
                .isEqualTo("CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to"
                        + " resolve ref " + image + ": " + image + ": not found");
    }
}
