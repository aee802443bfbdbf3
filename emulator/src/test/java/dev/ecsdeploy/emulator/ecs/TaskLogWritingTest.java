package dev.ecsdeploy.emulator.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.clock.SimulatedClock;
import dev.ecsdeploy.emulator.http.RequestContext;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract with CloudWatch Logs, checked at the seam because the writer is the Logs service's job. */
class TaskLogWritingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    record Line(String group, String stream, Instant at, String message, boolean createGroup) {}

    @Test
    void shouldWriteEachLogLineSpreadEvenlyOverTheRunTime() throws Exception {
        List<Line> written = new ArrayList<>();
        SimulatedClock clock = SimulatedClock.manual(START);
        Workload workload = Workload.DEFAULT
                .withStartup(Duration.ofSeconds(5))
                .withRun(Duration.ofSeconds(9))
                .withLogLines(List.of("one", "two", "three"));
        EcsService ecs = new EcsService(
                new EmulatorContext(clock, "123456789012", "us-east-1", "127.0.0.1:1", 7),
                image -> new ImageResolution.Foreign(workload),
                (group, stream, at, message, create) -> written.add(new Line(group, stream, at, message, create)));
        RequestContext request = new RequestContext("us-east-1", "key", "123456789012", START);
        ecs.handle("CreateCluster", json("{\"clusterName\":\"c\"}"), request);
        ecs.handle(
                "RegisterTaskDefinition",
                json("{\"family\":\"job\",\"containerDefinitions\":[{\"name\":\"app\",\"image\":\"img\","
                        + "\"logConfiguration\":{\"logDriver\":\"awslogs\",\"options\":{\"awslogs-group\":\"/g\","
                        + "\"awslogs-stream-prefix\":\"p\",\"awslogs-create-group\":\"true\"}}}]}"),
                request);
        String taskArn = ecs.handle("RunTask", json("{\"cluster\":\"c\",\"taskDefinition\":\"job\"}"), request)
                .path("tasks")
                .path(0)
                .path("taskArn")
                .asText();
        String taskId = taskArn.substring(taskArn.lastIndexOf('/') + 1);

        ecs.advanceTo(START.plusSeconds(60));

        Instant running = START.plusSeconds(2 + 5);
        assertThat(written)
                .containsExactly(
                        new Line("/g", "p/app/" + taskId, running, "one", true),
                        new Line("/g", "p/app/" + taskId, running.plusSeconds(3), "two", true),
                        new Line("/g", "p/app/" + taskId, running.plusSeconds(6), "three", true));
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text);
    }
}
