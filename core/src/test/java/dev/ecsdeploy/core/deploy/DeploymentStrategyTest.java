package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentStrategyTest {
    @ParameterizedTest
    @CsvSource({"0.05", "100.1", "10.05", "-1"})
    void shouldRejectCanaryPercentagesAwsRejects(double percent) {
        assertThatThrownBy(() -> new DeploymentStrategy.Canary(percent, 5, null))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessageStartingWith(
                        "invalid canaryPercent " + percent + ": ECS accepts 0.1 to 100 in steps of 0.1");
    }

    @ParameterizedTest
    @CsvSource({"2.9", "100.5", "10.01"})
    void shouldRejectLinearStepsAwsRejects(double step) {
        assertThatThrownBy(() -> new DeploymentStrategy.Linear(step, 5, null))
                .hasMessageStartingWith("invalid stepPercent");
    }

    @Test
    void shouldRejectBakeTimesOutsideTheRange() {
        assertThatThrownBy(() -> new DeploymentStrategy.Canary(10, 1441, null))
                .hasMessage("invalid canaryBakeTimeInMinutes 1441: ECS accepts 0 to 1440 minutes");
        assertThatThrownBy(() -> new DeploymentStrategy.BlueGreen(-1))
                .hasMessage("invalid bakeTimeInMinutes -1: ECS accepts 0 to 1440 minutes");
    }

    @Test
    void shouldAcceptTheRangeLimits() {
        assertThat(new DeploymentStrategy.Canary(0.1, 0, 1440).apiName()).isEqualTo("CANARY");
        assertThat(new DeploymentStrategy.Linear(3.0, 1440, 0).apiName()).isEqualTo("LINEAR");
        assertThat(new DeploymentStrategy.Canary(100, 10, null).shiftsTraffic()).isTrue();
    }

    @Test
    void shouldRefusePauseHooksOnARollingDeployment() {
        assertThatThrownBy(() -> DeploymentRequest.builder()
                        .cluster("c")
                        .service("s")
                        .source(TaskDefinitionSource.existing("arn"))
                        .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                        .build())
                .hasMessageContaining("need a CANARY, LINEAR or BLUE_GREEN strategy");
    }

    @Test
    void shouldSerializeTheHandleAndKeepItSmall() throws IOException, ClassNotFoundException {
        DeploymentHandle handle = new DeploymentHandle(
                "production",
                "main",
                "web",
                new DeploymentStrategy.Canary(10, 5, 2),
                Phase.ROLLING_OUT,
                "arn:td:1",
                "arn:td:2",
                Map.of("web", "repo@sha256:00"),
                3,
                false,
                new DeploymentRequest.CircuitBreaker(true, true),
                null,
                List.of("POST_TEST_TRAFFIC_SHIFT"),
                DeploymentRequest.TimeoutAction.ROLLBACK,
                DeploymentRequest.AbortAction.ROLLBACK,
                Set.of("ecs-svc/1"),
                Set.of("arn:sd:1"),
                "ecs-svc/2",
                "arn:sd:2",
                Instant.EPOCH,
                Instant.EPOCH.plusSeconds(1800),
                Instant.EPOCH,
                "BAKE_TIME@100.0",
                Instant.EPOCH,
                null,
                7,
                true);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(handle);
        assertThat(bytes.size()).isLessThan(4096);
    }
}
