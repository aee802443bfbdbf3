package dev.ecsdeploy.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.logs.LogCursor;
import dev.ecsdeploy.core.logs.LogStreamRef;
import dev.ecsdeploy.core.task.TaskRunHandle.Phase;
import dev.ecsdeploy.core.task.internal.RunTaskCalls;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

class TaskRunHandleTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldSurviveJavaSerializationWithItsTokenCursorsAndTasks() {
        TaskRunHandle handle = following();

        TaskRunHandle copy = RunTaskFixtures.roundTrip(handle);

        assertThat(copy.clientToken()).isEqualTo("token-1");
        assertThat(copy.phase()).isEqualTo(Phase.FOLLOWING);
        assertThat(copy.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(copy.logCursors()).isEqualTo(handle.logCursors());
        assertThat(copy.tasks()).isEqualTo(handle.tasks());
        assertThat(copy.launch().containerOverrides()).isEqualTo(handle.launch().containerOverrides());
    }

    @Test
    void shouldStaySmall() {
        assertThat(RunTaskFixtures.serialize(following())).hasSizeLessThan(6_000);
    }

    @Test
    void shouldBuildTheSameRunTaskCallFromAHandleAndItsDeserializedCopy() {
        TaskRunHandle handle = following();

        RunTaskRequest original = RunTaskCalls.request(handle);
        RunTaskRequest resumed = RunTaskCalls.request(RunTaskFixtures.roundTrip(handle));

        assertThat(resumed).isEqualTo(original);
        assertThat(original.clientToken()).isEqualTo("token-1");
        assertThat(original.overrides().containerOverrides().get(0).environment())
                .extracting(kv -> kv.name())
                .containsExactly("Z_FIRST", "A_SECOND", "M_THIRD");
    }

    @Test
    void shouldNotShowEnvironmentValuesInToString() {
        assertThat(following().launch().toString()).doesNotContain("hunter2");
    }

    private static TaskRunHandle following() {
        java.util.LinkedHashMap<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("Z_FIRST", "1");
        environment.put("A_SECOND", "hunter2");
        environment.put("M_THIRD", "3");
        TaskRunRequest launch = TaskRunRequest.builder()
                .cluster("jobs")
                .taskDefinition("arn:aws:ecs:us-east-1:123456789012:task-definition/job:1")
                .overrideContainer(ContainerOverrides.of("app").withEnvironment(environment))
                .network(NetworkSettings.of(List.of("subnet-1"), List.of("sg-1")))
                .tags(Map.of("team", "data"))
                .clientToken("token-1")
                .build();
        String arn = "arn:aws:ecs:us-east-1:123456789012:task/jobs/abc";
        LogStreamRef stream = LogStreamRef.awslogs("/ecs/job", "us-east-1", "ecs", "app", "abc");
        return TaskRunHandle.builder()
                .cluster("jobs")
                .clientToken("token-1")
                .launch(launch)
                .containers(List.of(new TaskRunHandle.ContainerSpec("app", true, "/ecs/job", "us-east-1", "ecs")))
                .phase(Phase.FOLLOWING)
                .launched(T0, List.of(arn), List.of())
                .tasks(List.of(new TaskResult(
                        arn,
                        "RUNNING",
                        null,
                        null,
                        T0,
                        null,
                        List.of(new ContainerResult("app", true, "RUNNING", null, null)))))
                .logCursors(List.of(new LogCursor(
                        stream, "f/00000042", 42, LogCursor.State.READING, T0, Duration.ofSeconds(2), T0)))
                .describeSchedule(3, T0.plusSeconds(5))
                .build();
    }
}
