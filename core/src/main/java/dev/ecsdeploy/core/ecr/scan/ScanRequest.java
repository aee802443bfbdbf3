package dev.ecsdeploy.core.ecr.scan;

import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.EcrNames;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Waits for an image's scan and applies a gate. A basic scan is started when none exists (scan on push off); with
 * enhanced continuous scanning (status ACTIVE) the current findings are read at once.
 *
 * <p>Statuses other than COMPLETE and ACTIVE map to a verdict through {@link #statusVerdicts()}; defaults: FAILED
 * fails, TIMED_OUT follows {@link #onTimeout()} (fail unless set), every other status is UNSTABLE. Note that ECR
 * allows one basic scan per image per 24 hours (a scan on push counts), so LIMIT_EXCEEDED is common on rebuilds.
 */
public record ScanRequest(
        String repository,
        String registryId,
        String imageDigest,
        ScanGate gate,
        Duration timeout,
        Duration pollInterval,
        Map<ScanOutcome, ScanVerdict> statusVerdicts)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final Duration DEFAULT_TIMEOUT = dev.ecsdeploy.core.input.Defaults.SCAN_TIMEOUT;
    public static final Duration DEFAULT_POLL_INTERVAL = dev.ecsdeploy.core.input.Defaults.SCAN_POLL_INTERVAL;

    public ScanRequest {
        EcrNames.requireRepositoryName(repository);
        EcrNames.requireRegistryId(registryId);
        if (imageDigest == null || !EcrNames.isDigest(imageDigest)) {
            throw new EcrImageException("invalid image digest '" + imageDigest + "': expected sha256:<64 hex>");
        }
        gate = Objects.requireNonNullElse(gate, ScanGate.none());
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        requireTimeout(timeout);
        pollInterval = Objects.requireNonNullElse(pollInterval, DEFAULT_POLL_INTERVAL);
        EnumMap<ScanOutcome, ScanVerdict> verdicts = defaultVerdicts();
        if (statusVerdicts != null) {
            verdicts.putAll(statusVerdicts);
        }
        statusVerdicts = java.util.Collections.unmodifiableMap(verdicts);
    }

    /**
     * Refuses a scan wait that is not positive or longer than {@link dev.ecsdeploy.core.input.Defaults#LONGEST_TIMEOUT}.
     * Callers that push first check the timeout with this before the push, so a bad value never costs a push.
     */
    public static Duration requireTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new EcrImageException("invalid scan timeout " + timeout + ": it must be positive");
        }
        if (timeout.compareTo(dev.ecsdeploy.core.input.Defaults.LONGEST_TIMEOUT) > 0) {
            throw new EcrImageException("invalid scan timeout " + timeout + ": it must be at most "
                    + dev.ecsdeploy.core.input.Defaults.LONGEST_TIMEOUT.toDays() + " days");
        }
        return timeout;
    }

    public static ScanRequest of(String repository, String imageDigest) {
        return new ScanRequest(repository, null, imageDigest, null, null, null, null);
    }

    public ScanVerdict onTimeout() {
        return statusVerdicts.get(ScanOutcome.TIMED_OUT);
    }

    public ScanRequest withGate(ScanGate newGate) {
        return new ScanRequest(repository, registryId, imageDigest, newGate, timeout, pollInterval, statusVerdicts);
    }

    public ScanRequest withTimeout(Duration newTimeout, ScanVerdict outcome) {
        EnumMap<ScanOutcome, ScanVerdict> verdicts = new EnumMap<>(statusVerdicts);
        verdicts.put(ScanOutcome.TIMED_OUT, outcome);
        return new ScanRequest(repository, registryId, imageDigest, gate, newTimeout, pollInterval, verdicts);
    }

    public ScanRequest withVerdict(ScanOutcome outcome, ScanVerdict verdict) {
        EnumMap<ScanOutcome, ScanVerdict> verdicts = new EnumMap<>(statusVerdicts);
        verdicts.put(outcome, verdict);
        return new ScanRequest(repository, registryId, imageDigest, gate, timeout, pollInterval, verdicts);
    }

    public ScanRequest withRegistryId(String id) {
        return new ScanRequest(repository, id, imageDigest, gate, timeout, pollInterval, statusVerdicts);
    }

    public ScanRequest withPollInterval(Duration interval) {
        return new ScanRequest(repository, registryId, imageDigest, gate, timeout, interval, statusVerdicts);
    }

    private static EnumMap<ScanOutcome, ScanVerdict> defaultVerdicts() {
        EnumMap<ScanOutcome, ScanVerdict> verdicts = new EnumMap<>(ScanOutcome.class);
        for (ScanOutcome outcome : ScanOutcome.values()) {
            verdicts.put(outcome, ScanVerdict.UNSTABLE);
        }
        verdicts.put(ScanOutcome.FAILED, ScanVerdict.FAIL);
        verdicts.put(ScanOutcome.TIMED_OUT, ScanVerdict.FAIL);
        verdicts.remove(ScanOutcome.COMPLETE);
        verdicts.remove(ScanOutcome.ACTIVE);
        return verdicts;
    }
}
