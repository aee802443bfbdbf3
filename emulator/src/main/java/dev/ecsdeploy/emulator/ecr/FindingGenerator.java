package dev.ecsdeploy.emulator.ecr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns per-severity counts (from the findings label or the Java API) into believable, deterministic findings: the
 * same image and counts always give the same CVE names and packages.
 */
final class FindingGenerator {
    private static final List<String> ORDER =
            List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED");
    private static final String[][] PACKAGES = {
        {"openssl", "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.12"},
        {"glibc", "2.35-0ubuntu3.1", "2.35-0ubuntu3.4"},
        {"zlib", "1.2.11.dfsg-2ubuntu9", "1.2.11.dfsg-2ubuntu9.2"},
        {"curl", "7.81.0-1ubuntu1.10", "7.81.0-1ubuntu1.13"},
        {"libxml2", "2.9.13+dfsg-1build1", "2.9.13+dfsg-1ubuntu0.3"},
        {"busybox", "1.35.0-r17", "1.35.0-r18"},
    };

    private FindingGenerator() {}

    static List<ScanFinding> generate(String imageDigest, Map<String, Integer> counts) {
        List<ScanFinding> findings = new ArrayList<>();
        int seed = Math.abs(imageDigest.hashCode() % 9000);
        for (String severity : severitiesInOrder(counts)) {
            int count = counts.getOrDefault(severity, 0);
            for (int i = 0; i < count; i++) {
                findings.add(finding(severity, 10000 + seed + findings.size()));
            }
        }
        return findings;
    }

    private static List<String> severitiesInOrder(Map<String, Integer> counts) {
        List<String> severities = new ArrayList<>(ORDER);
        counts.keySet().stream().filter(key -> !ORDER.contains(key)).forEach(severities::add);
        return severities;
    }

    private static ScanFinding finding(String severity, int number) {
        String name = "CVE-2024-" + number;
        String[] pkg = PACKAGES[number % PACKAGES.length];
        return new ScanFinding(
                name,
                severity,
                "A " + severity.toLowerCase(java.util.Locale.ROOT) + " vulnerability in " + pkg[0]
                        + " (emulated finding " + name + ").",
                "https://nvd.nist.gov/vuln/detail/" + name,
                pkg[0],
                pkg[1],
                pkg[2]);
    }
}
