package dev.ecsdeploy.emulator.ecs;

import static dev.ecsdeploy.emulator.ecs.EcsFixtures.advanceUntil;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.cluster;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.createService;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.service;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.steadyOn;
import static dev.ecsdeploy.emulator.ecs.EcsFixtures.taskDefinition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus;
import software.amazon.awssdk.services.ecs.model.Task;

class RollingDeploymentTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    /**
     * The peak is what ECS may run at once (⌊desired × max %⌋, and no more than desired + the healthy floor it
     * keeps); the floor is ⌈desired × min %⌉. Both are observed second by second through the API.
     */
    @ParameterizedTest(name = "desired {0}, min {1} %, max {2} % → at least {3} running, at most {4} tasks")
    @CsvSource({
        "4, 100, 200, 4, 8",
        "4, 50, 200, 2, 6",
        "4, 50, 100, 2, 4",
        "3, 50, 150, 2, 4",
        "3, 34, 134, 2, 4",
        "1, 100, 200, 1, 2",
        "1, 0, 100, 0, 1",
        "5, 75, 125, 4, 6",
        "10, 90, 110, 9, 11",
        "2, 100, 150, 2, 3"
    })
    void shouldKeepEveryRolloutWithinItsBounds(
            int desired, int minimumPercent, int maximumPercent, int expectedFloor, int expectedPeak) {
        EcsClient ecs = aws.ecs();
        Emulator emulator = aws.emulator();
        cluster(ecs, "c");
        String v1 = taskDefinition(ecs, "web", "web:1");
        String v2 = taskDefinition(ecs, "web", "web:2");
        createService(
                ecs,
                "c",
                "web",
                v1,
                desired,
                d -> d.minimumHealthyPercent(minimumPercent).maximumPercent(maximumPercent));
        advanceUntil(emulator, Duration.ofMinutes(5), () -> steadyOn(ecs, "c", "web", v1));

        ecs.updateService(r -> r.cluster("c").service("web").taskDefinition(v2));
        int peak = 0;
        int floor = Integer.MAX_VALUE;
        var deadline = emulator.now().plus(Duration.ofMinutes(15));
        while (!steadyOn(ecs, "c", "web", v2)) {
            List<String> live =
                    ecs.listTasks(r -> r.cluster("c").serviceName("web")).taskArns();
            List<Task> tasks = live.isEmpty() ? List.of() : EcsFixtures.describe(ecs, "c", live);
            peak = Math.max(peak, live.size());
            floor = (int) Math.min(
                    floor,
                    tasks.stream().filter(t -> t.lastStatus().equals("RUNNING")).count());
            assertThat(emulator.now()).as("rollout still running").isBefore(deadline);
            emulator.advance(Duration.ofSeconds(1));
        }

        assertThat(floor).as("fewest RUNNING tasks during the rollout").isEqualTo(expectedFloor);
        assertThat(peak).as("most RUNNING + PENDING tasks during the rollout").isEqualTo(expectedPeak);
        var deployments =
                ecs.listServiceDeployments(r -> r.cluster("c").service("web")).serviceDeployments();
        assertThat(deployments).hasSize(2);
        assertThat(deployments.get(0).status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThat(service(ecs, "c", "web").events().get(0).message())
                .isEqualTo("(service web) has reached a steady state.");
    }
}
