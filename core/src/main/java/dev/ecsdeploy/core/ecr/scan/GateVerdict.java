package dev.ecsdeploy.core.ecr.scan;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The gate's decision: whether it passed, which thresholds broke and the findings behind them, which findings the
 * allow-list excused, and which allow-list entries had expired.
 */
public record GateVerdict(
        boolean passed, List<BrokenThreshold> broken, List<String> allowListed, List<String> expiredAllowListEntries)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A severity whose count went over its limit, with the findings that counted. */
    public record BrokenThreshold(FindingSeverity severity, int limit, int count, List<ScanFinding> findings)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public BrokenThreshold {
            findings = List.copyOf(findings);
        }

        public String describe() {
            return severity + " " + count + " > " + limit + " ("
                    + findings.stream().map(ScanFinding::id).collect(Collectors.joining(", ")) + ")";
        }
    }

    public GateVerdict {
        broken = List.copyOf(broken);
        allowListed = List.copyOf(allowListed);
        expiredAllowListEntries = List.copyOf(expiredAllowListEntries);
    }

    /** "passed" or the broken thresholds, e.g. {@code CRITICAL 1 > 0 (CVE-1)}; expired allow-list ids are named. */
    public String describe() {
        String text = passed
                ? "passed"
                : "thresholds broken: "
                        + broken.stream().map(BrokenThreshold::describe).collect(Collectors.joining("; "));
        if (!expiredAllowListEntries.isEmpty()) {
            text += "; expired allow-list entries no longer apply: " + String.join(", ", expiredAllowListEntries);
        }
        return text;
    }
}
