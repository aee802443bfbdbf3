package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionFamilyStatus;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionStatus;

class ClusterAndTaskDefinitionTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldCreateDescribeListAndDeleteClusters() {
        EcsClient ecs = aws.ecs();
        String arn = ecs.createCluster(
                        r -> r.clusterName("prod").tags(t -> t.key("team").value("a")))
                .cluster()
                .clusterArn();

        assertThat(arn).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(ecs.listClusters().clusterArns()).containsExactly(arn);
        var described = ecs.describeClusters(r -> r.clusters("prod", "nope").includeWithStrings("TAGS"));
        assertThat(described.clusters()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("ACTIVE");
            assertThat(c.tags())
                    .singleElement()
                    .satisfies(t -> assertThat(t.value()).isEqualTo("a"));
        });
        assertThat(described.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo("MISSING"));

        assertThat(ecs.deleteCluster(r -> r.cluster("prod")).cluster().status()).isEqualTo("INACTIVE");
        assertThatThrownBy(() -> ecs.listTasks(r -> r.cluster("prod"))).isInstanceOf(ClusterNotFoundException.class);
    }

    @Test
    void shouldCountRevisionsPerFamilyAndDeregisterToInactive() {
        EcsClient ecs = aws.ecs();
        register(ecs, "web", "nginx:1");
        TaskDefinition second = register(ecs, "web", "nginx:2");
        register(ecs, "worker", "busybox");

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.taskDefinitionArn()).endsWith(":task-definition/web:2");
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web"))
                        .taskDefinition()
                        .revision())
                .isEqualTo(2);
        assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("web")).taskDefinitionArns())
                .hasSize(2);
        assertThat(ecs.listTaskDefinitionFamilies(r -> r.status(TaskDefinitionFamilyStatus.ACTIVE))
                        .families())
                .containsExactly("web", "worker");

        TaskDefinition inactive =
                ecs.deregisterTaskDefinition(r -> r.taskDefinition("web:2")).taskDefinition();
        assertThat(inactive.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("web"))
                        .taskDefinition()
                        .revision())
                .isEqualTo(1);
        var deleted = ecs.deleteTaskDefinitions(r -> r.taskDefinitions("web:2", "web:1"));
        assertThat(deleted.taskDefinitions())
                .singleElement()
                .satisfies(td -> assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS));
        assertThat(deleted.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("still in ACTIVE status"));
    }

    @Test
    void shouldReturnTagsOnlyWhenAskedFor() {
        EcsClient ecs = aws.ecs();
        ecs.registerTaskDefinition(r -> r.family("tagged")
                .containerDefinitions(container("app", "img"))
                .tags(t -> t.key("owner").value("me")));

        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("tagged")).tags())
                .isEmpty();
        assertThat(ecs.describeTaskDefinition(r -> r.taskDefinition("tagged").include(TaskDefinitionField.TAGS))
                        .tags())
                .singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("owner"));
    }

    @Test
    void shouldRejectInvalidTaskDefinitionsLikeEcs() {
        EcsClient ecs = aws.ecs();

        assertThatThrownBy(() -> ecs.registerTaskDefinition(
                        r -> r.family("bad name!").containerDefinitions(container("app", "img"))))
                .isInstanceOf(ClientException.class);
        assertThatThrownBy(
                        () -> ecs.registerTaskDefinition(r -> r.family("ok").containerDefinitions(c -> c.name("app"))))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Container.image should not be null or empty.");
        assertThatThrownBy(() -> ecs.describeTaskDefinition(r -> r.taskDefinition("ghost")))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Unable to describe task definition.");
    }

    @Test
    void shouldAnswerUnknownOperationsWithUnknownOperationException() {
        EcsClient ecs = aws.ecs();

        assertThatThrownBy(() -> ecs.listAccountSettings(r -> {}))
                .isInstanceOf(EcsException.class)
                .satisfies(e -> assertThat(((EcsException) e).awsErrorDetails().errorCode())
                        .isEqualTo("UnknownOperationException"));
    }

    @Test
    void shouldRefuseATaskDefinitionOverTheSixtyFourKibLimit() {
        EcsClient ecs = aws.ecs();
        String big = "x".repeat(1000);
        List<KeyValuePair> environment = IntStream.range(0, 70)
                .mapToObj(
                        i -> KeyValuePair.builder().name("VAR_" + i).value(big).build())
                .toList();

        assertThatThrownBy(() -> ecs.registerTaskDefinition(r -> r.family("huge")
                        .containerDefinitions(container("app", "nginx").toBuilder()
                                .environment(environment)
                                .build())))
                .isInstanceOfSatisfying(
                        ClientException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .matches("Actual length: '\\d+'\\. Max allowed length is '65536' bytes\\."));
        assertThat(ecs.registerTaskDefinition(r -> r.family("huge")
                                .containerDefinitions(container("app", "nginx").toBuilder()
                                        .environment(environment.subList(0, 60))
                                        .build()))
                        .taskDefinition()
                        .revision())
                .isEqualTo(1);
    }

    private static TaskDefinition register(EcsClient ecs, String family, String image) {
        return ecs.registerTaskDefinition(r -> r.family(family).containerDefinitions(container("app", image)))
                .taskDefinition();
    }
}
