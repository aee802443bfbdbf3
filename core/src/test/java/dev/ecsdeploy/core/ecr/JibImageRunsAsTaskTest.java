package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Task;

/** A Jib image built from files, pushed to the emulator, and run by the emulated ECS as a task (pinned by digest). */
class JibImageRunsAsTaskTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @TempDir
    Path directory;

    @Test
    void shouldRunTheJibImageAsATaskWithTheBehaviourItsLabelsDescribe(EcsClient ecs) throws Exception {
        Path script = Files.writeString(directory.resolve("job.sh"), "echo hello\n");
        PushResult pushed;
        try (EcrTestSupport support = new EcrTestSupport(aws.emulator())) {
            pushed = support.manager.buildAndPush(r -> r.repository(RepositorySpec.builder()
                            .name("jobs/report")
                            .createIfMissing(true)
                            .build())
                    .addTag("1.0")
                    .builderKind(BuilderKind.JIB)
                    .putLabel("dev.ecsdeploy.emulator.run-seconds", "5")
                    .putLabel("dev.ecsdeploy.emulator.exit-code", "3")
                    .jibImage(JibImage.builder()
                            .addLayer(JibLayer.executable(script, "/job.sh"))
                            .entrypoint(List.of("/job.sh"))
                            .build()));
        }
        ecs.createCluster(r -> r.clusterName("jobs"));
        ecs.registerTaskDefinition(r -> r.family("report")
                .networkMode(NetworkMode.BRIDGE)
                .containerDefinitions(c -> c.name("report")
                        .image(pushed.imageUri())
                        .essential(true)
                        .memory(128)));

        String taskArn = ecs.runTask(r -> r.cluster("jobs").taskDefinition("report"))
                .tasks()
                .get(0)
                .taskArn();
        aws.emulator().advance(Duration.ofMinutes(2));

        Task task =
                ecs.describeTasks(r -> r.cluster("jobs").tasks(taskArn)).tasks().get(0);
        assertThat(pushed.imageUri()).contains("@sha256:");
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.containers().get(0).exitCode()).isEqualTo(3);
    }
}
