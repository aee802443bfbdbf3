package dev.ecsdeploy.core.ecr.scan;

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
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScanResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    public Optional<ScanReport> findings() {
        return Optional.ofNullable(report);
    }
}
