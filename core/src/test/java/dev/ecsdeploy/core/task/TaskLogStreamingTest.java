package dev.ecsdeploy.core.task;

import static dev.ecsdeploy.core.task.RunTaskFixtures.CLUSTER;
import static dev.ecsdeploy.core.task.RunTaskFixtures.IMAGE;
import static dev.ecsdeploy.core.task.RunTaskFixtures.numbered;
import static dev.ecsdeploy.core.task.RunTaskFixtures.request;
import static dev.ecsdeploy.core.task.RunTaskFixtures.roundTrip;
import static dev.ecsdeploy.core.task.RunTaskFixtures.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.task.RunTaskFixtures.Recorder;
import dev.ecsdeploy.core.testing.TestAwsClients;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.faults.FaultRule;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations.Style;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.LogDriver;

class TaskLogStreamingTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private final Recorder recorder = new Recorder();
    private final List<AwsClients> opened = new ArrayList<>();
    private Emulator emulator;

    @BeforeEach
    void setUp() {
        emulator = aws.emulator();
        RunTaskFixtures.cluster(aws.ecs());
        RunTaskFixtures.taskDefinition(aws.ecs(), RunTaskFixtures.app());
    }

    @AfterEach
    void tearDown() {
        opened.forEach(AwsClients::close);
    }

    @Test
    void shouldDeliverEveryLineOfEveryTaskOnceAndInOrder() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(40), 0, numbered("line", 400)));

        TaskRunResult result = runner().runAndWait(request().count(2).build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(linesByTask())
                .hasSize(2)
                .allSatisfy((task, lines) -> assertThat(lines).isEqualTo(numbered("line", 400)));
    }

    @Test
    void shouldLoseAndRepeatNothingWhenGetLogEventsIsThrottled() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(60), 0, numbered("line", 300)));
        emulator.faults().add(FaultRule.throttle("logs:GetLogEvents", 30));
        // One attempt per call: every throttle reaches the runner instead of being hidden by SDK retries.
        var connection = RunTaskFixtures.connection(emulator).withMaxAttempts(1);

        TaskRunResult result = runner(connection).runAndWait(request().count(2).build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(emulator.callLog().calls("logs", "GetLogEvents"))
                .anySatisfy(call -> assertThat(call.outcome()).isEqualTo("ThrottlingException"));
        assertThat(linesByTask())
                .hasSize(2)
                .allSatisfy((task, lines) -> assertThat(lines).isEqualTo(numbered("line", 300)));
    }

    @Test
    void shouldResumeFromASerializedHandleWithoutASecondTaskOrARepeatedLine() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(60), 0, numbered("line", 240)));
        BlockingRunner first = runner();
        OperationPoll<TaskRunHandle, TaskRunResult> poll =
                first.poll(first.prepare(request().build(), recorder), recorder);
        while (recorder.lines().size() < 50) {
            emulator.advance(poll.nextPollIn());
            poll = first.poll(poll.handle(), recorder);
        }
        byte[] saved = RunTaskFixtures.serialize(poll.handle());
        opened.remove(0).close();
        emulator.advance(Duration.ofSeconds(30));

        TaskRunHandle resumed = RunTaskFixtures.deserialize(saved);
        TaskRunResult result = runner().awaitCompletion(resumed, recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(emulator.callLog().count("ecs", "RunTask")).isEqualTo(1);
        assertThat(recorder.lines()).isEqualTo(numbered("line", 240));
    }

    @Test
    void shouldReissueRunTaskWithTheSameTokenWhenTheAnswerWasLostInACrash() {
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(30), 0, List.of("once")));
        TaskRunHandle prepared = roundTrip(runner().prepare(request().build(), recorder));
        TaskRunHandle lost = runner().poll(prepared, recorder).handle();

        TaskRunHandle relaunched = runner().poll(roundTrip(prepared), recorder).handle();
        TaskRunResult result = runner().awaitCompletion(relaunched, new Recorder());

        assertThat(relaunched.taskArns()).isEqualTo(lost.taskArns());
        assertThat(emulator.callLog().calls("ecs", "RunTask"))
                .hasSize(2)
                .allSatisfy(call -> assertThat(call.outcome()).isEqualTo("OK"));
        assertThat(aws.ecs()
                        .listTasks(r -> r.cluster(CLUSTER).desiredStatus("STOPPED"))
                        .taskArns())
                .containsExactlyElementsOf(lost.taskArns());
        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
    }

    @Test
    void shouldSayWhyLogsOfOtherDriversAreNotStreamed() {
        ContainerDefinition splunk = RunTaskFixtures.app().toBuilder()
                .logConfiguration(l -> l.logDriver(LogDriver.SPLUNK).options(Map.of("splunk-url", "https://splunk")))
                .build();
        ContainerDefinition noPrefix =
                RunTaskFixtures.container("sidecar", "registry.example.com/side:1", false).toBuilder()
                        .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS).options(Map.of("awslogs-group", "/g")))
                        .build();
        RunTaskFixtures.taskDefinition(aws.ecs(), splunk, noPrefix);
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(10), 0, List.of("invisible")));

        TaskRunResult result = runner().runAndWait(request().build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(recorder.messages(EventKinds.TASK_LOG))
                .containsExactly(
                        "logs of container app are not streamed: it uses the splunk log driver; only awslogs writes"
                                + " to CloudWatch Logs, where ecs-deploy reads",
                        "logs of container sidecar are not streamed: its awslogs configuration has no"
                                + " awslogs-stream-prefix, so the stream is named after the Docker container id,"
                                + " which ECS does not report; add a stream prefix");
        assertThat(recorder.lines()).isEmpty();
        assertThat(emulator.callLog().count("logs", "GetLogEvents")).isZero();
    }

    @Test
    void shouldTreatAMissingStreamAsNoLogsYet() {
        ContainerDefinition noGroup = RunTaskFixtures.app().toBuilder()
                .logConfiguration(l -> l.logDriver(LogDriver.AWSLOGS)
                        .options(Map.of("awslogs-group", "/never/created", "awslogs-stream-prefix", "ecs")))
                .build();
        RunTaskFixtures.taskDefinition(aws.ecs(), noGroup);
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(30), 0, List.of("lost")));

        TaskRunResult result = runner().runAndWait(request().build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(recorder.lines()).isEmpty();
        assertThat(emulator.callLog().calls("logs", "GetLogEvents"))
                .isNotEmpty()
                .allSatisfy(call -> assertThat(call.outcome()).isEqualTo("ResourceNotFoundException"));
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void shouldRunTheTaskAndReportMissingCloudWatchLogsOnce(Style style) {
        emulator.unimplemented().add("logs", style);
        emulator.ecs().simulate(IMAGE, workload(Duration.ofSeconds(60), 0, numbered("line", 50)));

        TaskRunResult result = runner().runAndWait(request().count(2).build(), recorder);

        assertThat(result.status()).isEqualTo(TaskRunStatus.SUCCEEDED);
        assertThat(recorder.lines()).isEmpty();
        assertThat(recorder.events)
                .filteredOn(e -> e.message().contains("CloudWatch Logs is not available at this endpoint"))
                .singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(ProgressEvent.Severity.WARNING));
        assertThat(emulator.callLog().calls("logs", "GetLogEvents")).hasSize(1);
    }

    private BlockingRunner runner() {
        return runner(RunTaskFixtures.connection(emulator));
    }

    private BlockingRunner runner(dev.ecsdeploy.core.aws.AwsConnection connection) {
        AwsClients clients = TestAwsClients.create();
        opened.add(clients);
        return RunTaskFixtures.runner(emulator, clients, connection);
    }

    private Map<String, List<String>> linesByTask() {
        return recorder.events.stream()
                .filter(EventKinds::isLogLine)
                .collect(Collectors.groupingBy(
                        e -> e.attributes().get("taskId"),
                        Collectors.mapping(ProgressEvent::message, Collectors.toList())));
    }
}
