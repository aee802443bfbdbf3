package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.describe;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

class RunningClockTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withSpeed(600);

    @Test
    void shouldFinishAOneOffTaskWhileTheClockRuns() {
        EcsClient ecs = aws.ecs();
        cluster(ecs, "c");
        taskDefinition(ecs, "job", "job:ok");
        String arn = ecs.runTask(r -> r.cluster("c").taskDefinition("job"))
                .tasks()
                .get(0)
                .taskArn();

        ecs.waiter()
                .waitUntilTasksStopped(
                        r -> r.cluster("c").tasks(arn),
                        w -> w.maxAttempts(100)
                                .backoffStrategyV2(software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(
                                        Duration.ofMillis(50))));

        Task task = describe(ecs, "c", arn);
        assertThat(task.containers().get(0).exitCode()).isZero();
        assertThat(Duration.between(task.createdAt(), task.stoppedAt()))
                .as("2 s provisioning + 5 s start-up + 10 s run + 5 s deprovisioning, on the emulated clock")
                .isEqualTo(Duration.ofSeconds(22));
    }
}
