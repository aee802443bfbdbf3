package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of(EcsClient.class, "AmazonEC2ContainerServiceV20141113"),
                Arguments.of(EcrClient.class, "AmazonEC2ContainerRegistry_V20150921"),
                Arguments.of(CloudWatchLogsClient.class, "Logs_20140328"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("services")
    void shouldAnswerABodyThatIsNotAnObjectWithASerializationError(Class<?> client, String targetPrefix)
            throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, List<SdkField<?>>> operation : operations(client).entrySet()) {
            for (String body : List.of("[1,2]", "5", "null")) {
                HttpResponse<String> response = send(targetPrefix + "." + operation.getKey(), body);

                String call = operation.getKey() + " " + body + " -> " + response.body();
                softly.assertThat(response.statusCode()).as(call).isEqualTo(400);
                softly.assertThat(JSON.readTree(response.body()).path("__type").asText())
                        .as(call)
                        .isEqualTo("SerializationException");
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("services")
    void shouldAnswerAMemberOfTheWrongTypeWithAnAwsError(Class<?> client, String targetPrefix) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, List<SdkField<?>>> operation : operations(client).entrySet()) {
            for (SdkField<?> member : operation.getValue()) {
                ObjectNode body = JSON.createObjectNode();
                body.set(member.locationName(), wrongValueFor(member));

                HttpResponse<String> response = send(targetPrefix + "." + operation.getKey(), body.toString());

                String call = operation.getKey() + " " + body + " -> " + response.body();
                softly.assertThat(response.statusCode()).as(call).isEqualTo(400);
                JsonNode error = JSON.readTree(response.body());
                softly.assertThat(error.path("__type").asText()).as(call).isNotBlank();
                softly.assertThat(error.path("message").asText()).as(call).doesNotContain("java.", "\tat ");
            }
        }
        softly.assertAll();
    }

    private HttpResponse<String> send(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(AWS.emulator().endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException stale) {
            // The JDK server may close a pooled keep-alive connection just as the client reuses it; an answer the
            // emulator really drops is dropped again on the second try.
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode wrongValueFor(SdkField<?> member) {
        return switch (member.marshallingType().getTargetClass().getSimpleName()) {
            case "String" -> JSON.getNodeFactory().numberNode(5);
            case "List", "SdkPojo", "Map", "SdkBytes" -> JSON.getNodeFactory().numberNode(5);
            default -> JSON.getNodeFactory().arrayNode().add(1);
        };
    }

    /** The operations of a client interface as the SDK's model has them, with their request members. */
    private static Map<String, List<SdkField<?>>> operations(Class<?> client) {
        Map<String, List<SdkField<?>>> operations = new TreeMap<>();
        for (Method method : client.getMethods()) {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 1 && SdkRequest.class.isAssignableFrom(parameters[0])) {
                operations.put(parameters[0].getSimpleName().replaceFirst("Request$", ""), fields(parameters[0]));
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
