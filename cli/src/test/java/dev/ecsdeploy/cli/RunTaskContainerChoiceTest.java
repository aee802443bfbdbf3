package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** {@code run-task --image/--command} without {@code --container}: the container is chosen as {@code deploy} does. */
class RunTaskContainerChoiceTest {
    private static final String SIDECAR = "registry.example.com/sidecar:1";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        fixture.registerTaskDefinition("migrate", "migrate", CliFixture.MIGRATE);
        fixture.ecs()
                .registerTaskDefinition(r -> r.family("pair")
                        .networkMode("awsvpc")
                        .requiresCompatibilitiesWithStrings("FARGATE")
                        .cpu("256")
                        .memory("512")
                        .containerDefinitions(
                                ContainerDefinition.builder()
                                        .name("app")
                                        .image(CliFixture.MIGRATE)
                                        .essential(true)
                                        .build(),
                                ContainerDefinition.builder()
                                        .name("sidecar")
                                        .image(SIDECAR)
                                        .essential(false)
                                        .build()));
    }

    @Test
    void shouldApplyImageAndCommandToTheOnlyContainer() {
        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "migrate",
                "--subnets",
                "subnet-1",
                "--image",
                CliFixture.MIGRATE_FAILING,
                "--command",
                "./migrate",
                "up");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.out()).contains("migrate exited 3");
        assertThat(registeredImages()).containsExactly(CliFixture.MIGRATE_FAILING);
    }

    @Test
    void shouldApplyTheImageToTheContainerRunningTheSameRepository() {
        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "pair",
                "--subnets",
                "subnet-1",
                "--image",
                CliFixture.MIGRATE_FAILING);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.out()).contains("app exited 3");
        assertThat(fixture.ecs()
                        .describeTaskDefinition(r -> r.taskDefinition("pair"))
                        .taskDefinition()
                        .containerDefinitions())
                .extracting(ContainerDefinition::name, ContainerDefinition::image)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app", CliFixture.MIGRATE_FAILING),
                        org.assertj.core.groups.Tuple.tuple("sidecar", SIDECAR));
    }

    @Test
    void shouldExitTwoListingTheContainersWhenTheChoiceIsAmbiguous() {
        AWS.emulator().callLog().clear();

        CliRun command = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "pair",
                "--subnets",
                "subnet-1",
                "--command",
                "./migrate",
                "up");
        CliRun image = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "pair",
                "--subnets",
                "subnet-1",
                "--image",
                "registry.example.com/other:1");

        assertThat(command.exitCode()).as(command.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(command.err())
                .contains("cannot choose the container for the command: task definition pair:1 has containers app,"
                        + " sidecar")
                .contains("hint: add --container NAME, one of: app, sidecar");
        assertThat(image.exitCode()).as(image.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(image.err())
                .contains("cannot choose the container for image registry.example.com/other:1")
                .contains("none of them run repository registry.example.com/other")
                .contains("hint: add --container NAME, one of: app, sidecar");
        assertThat(fixture.mutations()).isEmpty();
    }

    /** The images of the newest revision of family migrate, which the run registered. */
    private java.util.List<String> registeredImages() {
        return fixture
                .ecs()
                .describeTaskDefinition(r -> r.taskDefinition("migrate"))
                .taskDefinition()
                .containerDefinitions()
                .stream()
                .map(ContainerDefinition::image)
                .toList();
    }
}
