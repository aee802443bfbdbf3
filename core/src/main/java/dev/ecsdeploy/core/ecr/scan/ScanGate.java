package dev.ecsdeploy.core.ecr.scan;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a scan report is acceptable: a maximum count per severity (for example CRITICAL 0, HIGH 5; a
 * severity without a threshold is not limited) and an allow-list of finding ids, each with an optional expiry.
 */
public record ScanGate(Map<FindingSeverity, Integer> thresholds, List<AllowListEntry> allowList)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScanGate {
        EnumMap<FindingSeverity, Integer> copy = new EnumMap<>(FindingSeverity.class);
        copy.putAll(thresholds);
        thresholds = java.util.Collections.unmodifiableMap(copy);
        allowList = List.copyOf(allowList);
    }

    /** A gate that accepts everything (the report is still produced). */
    public static ScanGate none() {
        return new ScanGate(Map.of(), List.of());
    }

    public static ScanGate of(Map<FindingSeverity, Integer> thresholds, List<AllowListEntry> allowList) {
        return new ScanGate(thresholds, allowList);
    }

    /** Evaluates a report at {@code now}, which decides whether allow-list entries have expired. */
    public GateVerdict evaluate(ScanReport report, Instant now) {
        Set<String> allowed = allowList.stream()
                .filter(entry -> entry.isActiveAt(now))
                .map(AllowListEntry::findingId)
                .collect(Collectors.toSet());
        List<String> expired = allowList.stream()
                .filter(entry -> !entry.isActiveAt(now))
                .map(AllowListEntry::findingId)
                .toList();
        List<String> ignored = report.findings().stream()
                .map(ScanFinding::id)
                .filter(allowed::contains)
                .distinct()
                .toList();
        List<GateVerdict.BrokenThreshold> broken = new ArrayList<>();
        thresholds.forEach((severity, limit) ->
                brokenThreshold(report, severity, limit, allowed).ifPresent(broken::add));
        return new GateVerdict(broken.isEmpty(), broken, ignored, expired);
    }

    private static java.util.Optional<GateVerdict.BrokenThreshold> brokenThreshold(
            ScanReport report, FindingSeverity severity, int limit, Set<String> allowed) {
        List<ScanFinding> counted = report.findings().stream()
                .filter(finding -> finding.severity() == severity && !allowed.contains(finding.id()))
                .toList();
        int listedOfSeverity = (int) report.findings().stream()
                .filter(finding -> finding.severity() == severity)
                .count();
        // Counts ECR reports beyond the findings we could read cannot be allow-listed, so they always count.
        int unlisted = Math.max(0, report.count(severity) - listedOfSeverity);
        int count = counted.size() + unlisted;
        if (count <= limit) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new GateVerdict.BrokenThreshold(severity, limit, count, counted));
    }
}
