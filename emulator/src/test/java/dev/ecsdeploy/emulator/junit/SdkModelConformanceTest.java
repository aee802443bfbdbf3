package dev.ecsdeploy.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

class SdkModelConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldReportAnEnumValueTheModelDoesNotKnow() throws Exception {
        DescribeTasksResponse response = DescribeTasksResponse.builder()
                .tasks(Task.builder()
                        .connectivity("CONNECTING")
                        .lastStatus("RUNNING")
                        .build())
                .build();

        assertThat(SdkModelConformance.violations(response, null))
                .containsExactly(".tasks[0].connectivity = CONNECTING is not a value of Connectivity");
    }

    @Test
    void shouldReportAMemberTheModelDoesNotHave() throws Exception {
        JsonNode raw = JSON.readTree("{\"tasks\":[{\"lastStatus\":\"RUNNING\",\"warmth\":3}],\"bogus\":true}");
        DescribeTasksResponse response = DescribeTasksResponse.builder()
                .tasks(Task.builder().lastStatus("RUNNING").build())
                .build();

        assertThat(SdkModelConformance.violations(response, raw))
                .containsExactlyInAnyOrder(
                        ".tasks[0].warmth is not a member of Task", ".bogus is not a member of DescribeTasksResponse");
    }

    @Test
    void shouldAcceptAnAnswerWithinTheModel() throws Exception {
        JsonNode raw = JSON.readTree("{\"tasks\":[{\"lastStatus\":\"RUNNING\",\"connectivity\":\"CONNECTED\"}]}");
        DescribeTasksResponse response = DescribeTasksResponse.builder()
                .tasks(Task.builder()
                        .lastStatus("RUNNING")
                        .connectivity("CONNECTED")
                        .build())
                .build();

        assertThat(SdkModelConformance.violations(response, raw)).isEmpty();
    }
}
