package dev.ecsdeploy.core.ecr.scan;

import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scan wait ended.
 *
 * @param outcome which status (or the timeout) ended it
 * @param verdict pass, unstable or fail for the build
 * @param report the findings, for COMPLETE and ACTIVE; {@code null} otherwise
 * @param gate the gate's verdict, for COMPLETE and ACTIVE; {@code null} otherwise
 * @param message a one-line explanation, e.g. {@code scan COMPLETE: thresholds broken: CRITICAL 1 > 0 (CVE-1)}
 */
public record ScanResult(ScanOutcome outcome, ScanVerdict verdict, ScanReport report, GateVerdict gate, String message)
        implements OperationOutcome, Serializable {
    private static final long serialVersionUID = 1L;

    public ScanResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The one mapping to the shared vocabulary: a timed-out or aborted wait says so; otherwise only a PASS verdict
     * SUCCEEDED (UNSTABLE and FAIL are FAILED; {@link #verdict()} keeps the difference for the build result).
     */
    @Override
    public OperationStatus operationStatus() {
        return switch (outcome) {
            case TIMED_OUT -> OperationStatus.TIMED_OUT;
            case ABORTED -> OperationStatus.ABORTED;
            default -> verdict == ScanVerdict.PASS ? OperationStatus.SUCCEEDED : OperationStatus.FAILED;
        };
    }

    @Override
    public String summary() {
        return message;
    }

    public Optional<ScanReport> findings() {
        return Optional.ofNullable(report);
    }
}
