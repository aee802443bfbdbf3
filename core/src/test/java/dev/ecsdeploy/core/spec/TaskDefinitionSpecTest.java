package dev.ecsdeploy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

class TaskDefinitionSpecTest {
    private static final String IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2";

    @Test
    void shouldFillPlaceholdersFromTheGivenValues() {
        TaskDefinitionSpec spec = TaskDefinitionSpec.fromJson(fixture(), Map.of("ENV", "prod", "IMAGE", IMAGE));

        assertThat(spec.family()).isEqualTo("web-prod");
        assertThat(spec.images()).containsEntry("web", IMAGE);
        assertThat(spec.request().containerDefinitions().get(0).healthCheck().interval())
                .isEqualTo(10);
        assertThat(spec.request().tags())
                .containsExactly(Tag.builder().key("team").value("payments").build());
        assertThat(spec.request().requiresCompatibilitiesAsStrings()).containsExactly("FARGATE");
    }

    @Test
    void shouldNameEveryPlaceholderLeftUnfilled() {
        assertThatThrownBy(() -> TaskDefinitionSpec.fromJson(fixture(), Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("the task definition file has placeholders without a value: ${ENV}, ${IMAGE}");
    }

    @Test
    void shouldNameUnknownMembersWithTheirPath() {
        String json = "{\"family\":\"web\",\"colour\":\"red\",\"containerDefinitions\":[{\"name\":\"web\","
                + "\"image\":\"nginx\",\"portMapings\":[]}]}";

        assertThatThrownBy(() -> TaskDefinitionSpec.fromJson(json, Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("unknown member colour")
                .hasMessageContaining("unknown member containerDefinitions[0].portMapings");
    }

    @Test
    void shouldRejectValuesOfTheWrongType() {
        String json = "{\"family\":\"web\",\"containerDefinitions\":[{\"name\":\"web\",\"image\":\"nginx\","
                + "\"essential\":\"yes\",\"memory\":\"lots\"}]}";

        assertThatThrownBy(() -> TaskDefinitionSpec.fromJson(json, Map.of()))
                .hasMessageContaining("containerDefinitions[0].essential must be true or false")
                .hasMessageContaining("containerDefinitions[0].memory must be an integer");
    }

    @Test
    void shouldRejectInvalidJsonNamingThePosition() {
        assertThatThrownBy(() -> TaskDefinitionSpec.fromJson("{\"family\": \"web\",\n  oops}", Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("the file is not valid JSON:")
                .hasMessageContaining("line 2");
    }

    @Test
    void shouldDropReadOnlyMembersAndKeepTagsWhenStartingFromADescribedDefinition() {
        TaskDefinition described = TaskDefinition.builder()
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/web:7")
                .family("web")
                .revision(7)
                .status(TaskDefinitionStatus.ACTIVE)
                .registeredAt(Instant.parse("2026-01-01T00:00:00Z"))
                .registeredBy("arn:aws:iam::123456789012:user/ci")
                .compatibilitiesWithStrings("EC2", "FARGATE")
                .requiresAttributes(a -> a.name("com.amazonaws.ecs.capability.docker-remote-api.1.18"))
                .containerDefinitions(
                        ContainerDefinition.builder().name("web").image(IMAGE).build())
                .build();

        TaskDefinitionSpec spec = TaskDefinitionSpec.fromDescribed(
                described, List.of(Tag.builder().key("team").value("payments").build()));

        assertThat(spec.json().fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("family", "containerDefinitions", "tags");
        assertThat(spec.request().tags()).hasSize(1);
    }

    @Test
    void shouldReplaceTheImageInEveryContainerOfTheSameRepository() {
        TaskDefinitionSpec spec = TaskDefinitionSpec.fromJson(fixture(), Map.of("ENV", "prod", "IMAGE", IMAGE));

        TaskDefinitionSpec updated = spec.withImage("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.3", List.of());

        assertThat(updated.images())
                .containsEntry("web", "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.3")
                .containsEntry("sidecar", "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0");
        assertThat(spec.images()).containsEntry("web", IMAGE);
    }

    @Test
    void shouldRefuseAContainerThatDoesNotExist() {
        TaskDefinitionSpec spec = TaskDefinitionSpec.fromJson(fixture(), Map.of("ENV", "prod", "IMAGE", IMAGE));

        assertThatThrownBy(() -> spec.withImage("nginx:1", List.of("api")))
                .hasMessage("container api not found: task definition web-prod has [web, sidecar]");
        assertThatThrownBy(() -> spec.withImage("nginx:1", List.of()))
                .hasMessageStartingWith("no container to update:");
    }

    @Test
    void shouldEditEnvironmentAndSecretsAndWarnAboutSecretLookingVariables() {
        TaskDefinitionSpec spec = TaskDefinitionSpec.fromJson(fixture(), Map.of("ENV", "prod", "IMAGE", IMAGE))
                .withEnvironment("web", "LOG_LEVEL", "debug")
                .withEnvironment("web", "DB_PASSWORD", "hunter2")
                .withSecret("web", "API_TOKEN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:api");

        var web = spec.request().containerDefinitions().get(0);
        assertThat(web.environment())
                .extracting(e -> e.name() + "=" + e.value())
                .containsExactly("LOG_LEVEL=debug", "DB_PASSWORD=hunter2");
        assertThat(web.secrets()).extracting(s -> s.name()).containsExactly("API_TOKEN");
        assertThat(spec.secretLookingEnvironment())
                .singleElement()
                .asString()
                .contains("DB_PASSWORD")
                .doesNotContain("hunter2");
    }

    @Test
    void shouldRoundTripEveryMemberThroughTheSdkModel() {
        TaskDefinitionSpec spec = TaskDefinitionSpec.fromJson(fixture(), Map.of("ENV", "prod", "IMAGE", IMAGE));

        assertThat(SdkJson.toJson(spec.request())).isEqualTo(spec.json());
    }

    static String fixture() {
        try (InputStream in = TaskDefinitionSpecTest.class.getResourceAsStream("task-definition-web.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseWhatRegisterTaskDefinitionWouldRefuseAboutNamesAndContainers() {
        String container = "{\"name\": \"%s\", \"image\": \"x:1\"}";

        assertThatThrownBy(() ->
                        TaskDefinitionSpec.fromJson("{\"family\": \"web\", \"containerDefinitions\": []}", Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("the task definition file has no container: containerDefinitions must list at least one");
        assertThatThrownBy(() -> TaskDefinitionSpec.fromJson(
                        "{\"family\": \"" + "f".repeat(256) + "\", \"containerDefinitions\": ["
                                + container.formatted("web") + "]}",
                        Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("invalid family ffffffffffffffffffff... (256 characters)");
        assertThatThrownBy(() -> TaskDefinitionSpec.fromJson(
                        "{\"family\": \"web\", \"containerDefinitions\": [" + container.formatted("wéb") + "]}",
                        Map.of()))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageStartingWith("invalid container name wéb in the task definition file");
        assertThat(TaskDefinitionSpec.fromJson(
                                "{\"family\": \"${F}\", \"containerDefinitions\": [" + container.formatted("w") + "]}",
                                Map.of("F", "f".repeat(255)))
                        .family())
                .hasSize(255);
    }
}
