package dev.ecsdeploy.core.history;

import java.util.List;

/**
 * Whether an image passed the scan gate.
 *
 * @param passed true when the findings were within the policy
 * @param policy the thresholds as the user wrote them, such as {@code CRITICAL=0,HIGH=5}
 * @param reason why it failed (or passed), in words
 * @param allowListed the finding ids an allow-list override waived for this decision (empty when none)
 */
public record RecordedGate(boolean passed, String policy, String reason, List<String> allowListed) {
    public RecordedGate {
        allowListed = allowListed == null ? List.of() : List.copyOf(allowListed);
    }

    /** Returns a verdict without allow-list overrides. */
    public RecordedGate(boolean passed, String policy, String reason) {
        this(passed, policy, reason, List.of());
    }

    /** Returns whether an allow-list override waived findings for this decision. */
    public boolean overridden() {
        return !allowListed.isEmpty();
    }
}
