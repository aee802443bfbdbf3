package dev.ecsdeploy.core.ecr.scan;

/**
 * Every way a scan wait can end. One per terminal ECR scan status, plus {@link #TIMED_OUT}. IN_PROGRESS and PENDING
 * are not outcomes: they keep the wait going, bounded by the timeout.
 */
public enum ScanOutcome {
    /** The scan finished; the gate decides. */
    COMPLETE,
    /** Enhanced continuous scanning: findings are current and read without waiting (ACTIVE never becomes COMPLETE). */
    ACTIVE,
    FAILED,
    UNSUPPORTED_IMAGE,
    SCAN_ELIGIBILITY_EXPIRED,
    LIMIT_EXCEEDED,
    FINDINGS_UNAVAILABLE,
    IMAGE_ARCHIVED,
    TIMED_OUT,
    /** Someone stopped waiting ({@link ScanWait#abort}); the scan itself may still finish in ECR. */
    ABORTED;

    /** Whether findings were read and the gate applies. */
    public boolean hasFindings() {
        return this == COMPLETE || this == ACTIVE;
    }
}
