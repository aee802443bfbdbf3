package dev.ecsdeploy.core.ecr.scan;

import java.io.Serializable;
import java.util.Objects;

/**
 * One vulnerability in an image. Fields ECR did not report are {@code null}.
 *
 * @param id the vulnerability id, e.g. {@code CVE-2024-1234}
 * @param severity its severity
 * @param packageName the affected package
 * @param installedVersion the version in the image
 * @param fixedVersion the first fixed version, if known
 * @param uri a link to the advisory
 * @param description the advisory text
 */
public record ScanFinding(
        String id,
        FindingSeverity severity,
        String packageName,
        String installedVersion,
        String fixedVersion,
        String uri,
        String description)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScanFinding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
    }
}
