package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.event.ProgressEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one poll found.
 *
 * @param handle the handle to persist and pass to the next poll
 * @param events what happened since the previous poll, oldest first
 * @param nextPollIn when to poll again (short around transitions, long during bake times and pauses)
 * @param awaiting the decision point when a PAUSE hook waits for CONTINUE or ROLLBACK, else empty
 * @param outcome the verdict once there is one
 */
public record PollResult(
        DeploymentHandle handle,
        List<ProgressEvent> events,
        Duration nextPollIn,
        Optional<DecisionPoint> awaiting,
        Optional<DeploymentRecord> outcome) {
    public PollResult {
        events = List.copyOf(events);
    }

    public boolean isDone() {
        return outcome.isPresent();
    }

    /**
     * A PAUSE hook that holds the deployment.
     *
     * @param stage the lifecycle stage, e.g. {@code POST_TEST_TRAFFIC_SHIFT}
     * @param hookId the hook instance id ECS generated
     * @param expiresAt when ECS applies the hook's timeout action, if known
     */
    public record DecisionPoint(String stage, String hookId, java.time.Instant expiresAt) {
        public String describe() {
            return "awaiting a decision at stage " + stage + " (hook " + hookId + ")";
        }
    }
}
