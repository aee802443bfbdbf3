package dev.ecsdeploy.emulator.ecr;

import java.util.Locale;

/**
 * One vulnerability the emulated scanner reports for an image. Tests set them through
 * {@link EcrService#setFindings(String, String, java.util.List)}; images pushed with the findings label get generated
 * ones.
 *
 * @param name the vulnerability id, such as CVE-2024-12345
 * @param severity CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNDEFINED
 */
public record ScanFinding(
        String name,
        String severity,
        String description,
        String uri,
        String packageName,
        String packageVersion,
        String fixedInVersion) {
    public ScanFinding {
        severity = severity.toUpperCase(Locale.ROOT);
    }

    /** A finding with a generated description, uri and package, for tests that only care about the severity. */
    public static ScanFinding of(String name, String severity) {
        return new ScanFinding(
                name,
                severity,
                name + " in openssl allows a remote attacker to do something unpleasant.",
                "https://nvd.nist.gov/vuln/detail/" + name,
                "openssl",
                "3.0.2-0ubuntu1.10",
                "3.0.2-0ubuntu1.12");
    }
}
