package dev.ecsdeploy.core.ecr.scan;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What ECR knows about an image's vulnerabilities: the scan status, counts per severity and every finding (read
 * across all pages).
 */
public record ScanReport(
        String status,
        String statusDescription,
        Map<FindingSeverity, Integer> severityCounts,
        List<ScanFinding> findings,
        Instant completedAt)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScanReport {
        EnumMap<FindingSeverity, Integer> counts = new EnumMap<>(FindingSeverity.class);
        counts.putAll(severityCounts);
        severityCounts = java.util.Collections.unmodifiableMap(counts);
        findings = List.copyOf(findings);
    }

    public int count(FindingSeverity severity) {
        return severityCounts.getOrDefault(severity, 0);
    }

    /** A one-line summary such as {@code CRITICAL=1 HIGH=2 MEDIUM=0 LOW=0}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (FindingSeverity severity : FindingSeverity.values()) {
            if (severity.ordinal() <= FindingSeverity.LOW.ordinal() || count(severity) > 0) {
                text.append(text.isEmpty() ? "" : " ")
                        .append(severity)
                        .append('=')
                        .append(count(severity));
            }
        }
        return text.toString();
    }
}
