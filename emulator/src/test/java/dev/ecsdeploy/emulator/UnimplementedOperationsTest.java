package dev.ecsdeploy.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations.Style;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.model.EcsException;

/** The switch that makes chosen operations answer as an endpoint answers an operation it does not know. */
class UnimplementedOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldAnswerASwitchedOffOperationAsAwsAnswersAnUnknownOne() {
        aws.emulator().unimplemented().add("ecs:ListServiceDeployments", Style.AWS);

        assertThatThrownBy(() -> aws.ecs().listServiceDeployments(r -> r.service("web")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isNull();
                });
        assertThat(aws.emulator().callLog().all())
                .last()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo("UnknownOperationException"));
        assertThat(aws.ecs().listClusters().clusterArns()).isEmpty();
    }

    @Test
    void shouldAnswerAsLocalStackWhenAskedTo() {
        aws.emulator().unimplemented().add("ecs", Style.LOCALSTACK);

        assertThatThrownBy(() -> aws.ecs().describeServiceDeployments(r -> r.serviceDeploymentArns("arn")))
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("'DescribeServiceDeployments'");
                });
    }

    @Test
    void shouldBeSwitchedThroughTheControlApi() throws Exception {
        HttpResponse<String> added =
                control("POST", "{\"operations\":[\"ecs:ListServiceDeployments\",\"logs\"],\"style\":\"localstack\"}");

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(added.body()).path("logs").asText()).isEqualTo("localstack");
        assertThatThrownBy(() -> aws.logs().describeLogGroups()).hasMessageContaining("501");
        assertThat(control("POST", "{\"operations\":\"ecs\"}").statusCode()).isEqualTo(400);
        assertThat(control("POST", "{\"operations\":[\"ecs\"],\"style\":\"moto\"}")
                        .statusCode())
                .isEqualTo(400);

        assertThat(control("DELETE", null).statusCode()).isEqualTo(200);

        assertThat(aws.logs().describeLogGroups().logGroups()).isEmpty();
    }

    private HttpResponse<String> control(String method, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(aws.emulator().endpoint() + "/_emulator/unimplemented"))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
