package dev.ecsdeploy.core.history;

/**
 * Whether an image passed the scan gate.
 *
 * @param passed true when the findings were within the policy
 * @param policy the thresholds as the user wrote them, such as {@code CRITICAL=0,HIGH=5}
 * @param reason why it failed (or passed), in words
 */
public record GateVerdict(boolean passed, String policy, String reason) {}
