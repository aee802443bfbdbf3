package dev.ecsdeploy.core.operation;

import java.io.Serializable;
import java.time.Instant;

/**
 * A point where the operation holds until someone decides to continue or roll back: an ECS PAUSE lifecycle hook, or
 * a CodeDeploy "ready" wait.
 *
 * @param stage the lifecycle stage, e.g. {@code POST_TEST_TRAFFIC_SHIFT}
 * @param hookId the id of the hook instance that waits
 * @param expiresAt when AWS applies the hook's timeout action, if known (else null)
 */
public record DecisionPoint(String stage, String hookId, Instant expiresAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    public String describe() {
        return "awaiting a decision at stage " + stage + " (hook " + hookId + ")";
    }
}
