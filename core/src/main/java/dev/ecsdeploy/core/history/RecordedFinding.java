package dev.ecsdeploy.core.history;

/**
 * One vulnerability an image scan reported. Every string is shown as text, never as markup.
 *
 * @param id the vulnerability id, such as {@code CVE-2024-1234}
 * @param severity CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or UNDEFINED
 * @param packageName the affected package
 * @param installedVersion the version in the image
 * @param fixedVersion the first version with a fix, or null
 * @param uri where the vulnerability is described
 * @param description the scanner's description
 */
public record RecordedFinding(
        String id,
        String severity,
        String packageName,
        String installedVersion,
        String fixedVersion,
        String uri,
        String description) {}
