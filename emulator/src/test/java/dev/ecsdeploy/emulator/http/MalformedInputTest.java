package dev.ecsdeploy.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Every JSON 1.1 operation of ECS, ECR and CloudWatch Logs (as the SDK's model lists them), sent bodies that are
 * JSON but not what the operation takes, answers an AWS-shaped 4xx error: never a dropped connection, a 500 or a
 * Java exception's text.
 */
class MalformedInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<Arguments> operations() {
        return Stream.of(
                        operations(EcsClient.class, "AmazonEC2ContainerServiceV20141113"),
                        operations(EcrClient.class, "AmazonEC2ContainerRegistry_V20150921"),
                        operations(CloudWatchLogsClient.class, "Logs_20140328"))
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("operations")
    void shouldAnswerABodyThatIsNotAnObjectWithASerializationError(
            String targetPrefix, String operation, List<SdkField<?>> members) throws Exception {
        for (String body : List.of("[1,2]", "5", "\"text\"", "null")) {
            JsonNode error = send(targetPrefix + "." + operation, body, 400);

            assertThat(error.path("__type").asText()).as(operation + " " + body).isEqualTo("SerializationException");
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("operations")
    void shouldAnswerAMemberOfTheWrongTypeWithAnAwsError(
            String targetPrefix, String operation, List<SdkField<?>> members) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (SdkField<?> member : members) {
            ObjectNode body = JSON.createObjectNode();
            body.set(member.locationName(), wrongValueFor(member));

            HttpResponse<String> response = send(targetPrefix + "." + operation, body.toString());

            String call = operation + " " + body + " -> " + response.body();
            softly.assertThat(response.statusCode()).as(call).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body());
            softly.assertThat(error.path("__type").asText()).as(call).isNotBlank();
            softly.assertThat(error.path("message").asText()).as(call).doesNotContain("java.", "\tat ");
        }
        softly.assertAll();
    }

    private JsonNode send(String target, String body, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(target, body);
        assertThat(response.statusCode()).as(target + " " + body).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(AWS.emulator().endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode wrongValueFor(SdkField<?> member) {
        return switch (member.marshallingType().getTargetClass().getSimpleName()) {
            case "String" -> JSON.getNodeFactory().numberNode(5);
            case "List", "SdkPojo", "Map", "SdkBytes" -> JSON.getNodeFactory().numberNode(5);
            default -> JSON.getNodeFactory().arrayNode().add(1);
        };
    }

    private static List<Arguments> operations(Class<?> client, String targetPrefix) {
        TreeSet<String> seen = new TreeSet<>();
        List<Arguments> operations = new ArrayList<>();
        for (Method method : client.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length != 1 || !SdkRequest.class.isAssignableFrom(parameters[0])) {
                continue;
            }
            String operation = parameters[0].getSimpleName().replaceFirst("Request$", "");
            if (seen.add(operation)) {
                operations.add(Arguments.of(targetPrefix, operation, fields(parameters[0])));
            }
        }
        return operations;
    }

    private static List<SdkField<?>> fields(Class<?> requestClass) {
        try {
            SdkPojo builder = (SdkPojo) requestClass.getMethod("builder").invoke(null);
            return builder.sdkFields();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(requestClass.getName(), e);
        }
    }
}
