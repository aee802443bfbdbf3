package dev.ecsdeploy.core.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.internal.Verdicts.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.ecs.model.Deployment;

class VerdictsTest {
    private static final String OLD_TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
    private static final String NEW_TD = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "PENDING, null, false",
                "IN_PROGRESS, null, false",
                "STOP_REQUESTED, null, true",
                "ROLLBACK_REQUESTED, null, true",
                "ROLLBACK_IN_PROGRESS, null, true",
                "SUCCESSFUL, SUCCESSFUL, false",
                "STOPPED, FAILED, false",
                "ROLLBACK_SUCCESSFUL, ROLLED_BACK, false",
                "ROLLBACK_FAILED, FAILED, false",
                "SOMETHING_NEWER_THAN_THIS_SDK, null, false"
            })
    void shouldMapEveryServiceDeploymentStatus(String status, DeploymentStatus verdict, boolean failureBound) {
        Verdict result = Verdicts.forServiceDeployment(status, "because");

        assertThat(result.status()).isEqualTo(verdict);
        assertThat(result.failureBound()).isEqualTo(failureBound);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "PRIMARY, IN_PROGRESS, false, null",
                "PRIMARY, COMPLETED, false, SUCCESSFUL",
                "PRIMARY, FAILED, false, FAILED",
                "PRIMARY, FAILED, true, ROLLED_BACK",
                "ACTIVE, FAILED, true, ROLLED_BACK",
                "ACTIVE, IN_PROGRESS, false, REPLACED",
                "ACTIVE, COMPLETED, false, REPLACED"
            })
    void shouldJudgeOurRollingDeployment(
            String status, String rolloutState, boolean rollback, DeploymentStatus verdict) {
        Deployment ours = deployment("ecs-svc/2", NEW_TD, status, rolloutState);
        Deployment other =
                deployment("ecs-svc/3", OLD_TD, "PRIMARY".equals(status) ? "ACTIVE" : "PRIMARY", "IN_PROGRESS");

        Verdict result = Verdicts.forRolling("ACTIVE", List.of(ours, other), "ecs-svc/2", OLD_TD, rollback);

        assertThat(result.status()).isEqualTo(verdict);
    }

    @Test
    void shouldNeverCallAServiceStableAfterRollbackASuccess() {
        Deployment rollback = deployment("ecs-svc/3", OLD_TD, "PRIMARY", "COMPLETED");

        Verdict result = Verdicts.forRolling("ACTIVE", List.of(rollback), "ecs-svc/2", OLD_TD, true);

        assertThat(result.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(result.reason()).contains("ecs-svc/2 is gone");
    }

    @Test
    void shouldFailWhenTheServiceIsDraining() {
        Verdict result = Verdicts.forRolling(
                "DRAINING",
                List.of(deployment("ecs-svc/2", NEW_TD, "PRIMARY", "IN_PROGRESS")),
                "ecs-svc/2",
                OLD_TD,
                false);

        assertThat(result.status()).isEqualTo(DeploymentStatus.REPLACED);
        assertThat(result.reason()).isEqualTo("the service is DRAINING");
    }

    @Test
    void shouldCarryRolloutStateReason() {
        Deployment failed = deployment("ecs-svc/2", NEW_TD, "PRIMARY", "FAILED").toBuilder()
                .rolloutStateReason("ECS deployment circuit breaker: tasks failed to start.")
                .build();

        Verdict result = Verdicts.forRolling("ACTIVE", List.of(failed), "ecs-svc/2", OLD_TD, false);

        assertThat(result.reason())
                .isEqualTo("rolloutState FAILED: ECS deployment circuit breaker: tasks failed to start.");
    }

    private static Deployment deployment(String id, String taskDefinition, String status, String rolloutState) {
        return Deployment.builder()
                .id(id)
                .taskDefinition(taskDefinition)
                .status(status)
                .rolloutState(rolloutState)
                .desiredCount(2)
                .runningCount(1)
                .build();
    }
}
