package dev.ecsdeploy.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an image scan found.
 *
 * @param status the scan status as ECR reports it ({@code COMPLETE}, {@code ACTIVE}, {@code FAILED}, …)
 * @param completedAt when the scan finished, or null
 * @param severityCounts how many findings of each severity, worst first
 * @param findings the findings, worst first as recorded (the recorder may keep only the worst ones)
 */
public record RecordedScan(
        String status, Instant completedAt, Map<String, Integer> severityCounts, List<RecordedFinding> findings) {
    public RecordedScan {
        severityCounts = severityCounts == null ? Map.of() : Severities.sorted(severityCounts);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Returns the number of findings over all severities. */
    public int totalCount() {
        return severityCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
