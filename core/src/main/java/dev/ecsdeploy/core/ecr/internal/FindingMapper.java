package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.ecr.scan.ScanFinding;
import java.util.List;
import software.amazon.awssdk.services.ecr.model.Attribute;
import software.amazon.awssdk.services.ecr.model.DescribeImageScanFindingsResponse;
import software.amazon.awssdk.services.ecr.model.EnhancedImageScanFinding;
import software.amazon.awssdk.services.ecr.model.ImageScanFinding;
import software.amazon.awssdk.services.ecr.model.VulnerablePackage;

/** Maps basic and enhanced ECR findings to our own {@link ScanFinding}, so no SDK type reaches a persisted value. */
final class FindingMapper {
    private FindingMapper() {}

    static void addAll(DescribeImageScanFindingsResponse page, List<ScanFinding> into) {
        if (page.imageScanFindings() == null) {
            return;
        }
        page.imageScanFindings().findings().forEach(finding -> into.add(basic(finding)));
        page.imageScanFindings().enhancedFindings().forEach(finding -> into.add(enhanced(finding)));
    }

    private static ScanFinding basic(ImageScanFinding finding) {
        return new ScanFinding(
                finding.name(),
                FindingSeverity.parse(finding.severityAsString()),
                attribute(finding.attributes(), "package_name"),
                attribute(finding.attributes(), "package_version"),
                attribute(finding.attributes(), "fixed_in_version"),
                finding.uri(),
                finding.description());
    }

    private static String attribute(List<Attribute> attributes, String key) {
        return attributes.stream()
                .filter(attribute -> key.equals(attribute.key()))
                .map(Attribute::value)
                .findFirst()
                .orElse(null);
    }

    private static ScanFinding enhanced(EnhancedImageScanFinding finding) {
        var details = finding.packageVulnerabilityDetails();
        VulnerablePackage pkg = details == null || details.vulnerablePackages().isEmpty()
                ? null
                : details.vulnerablePackages().get(0);
        String id = details != null && details.vulnerabilityId() != null ? details.vulnerabilityId() : finding.title();
        return new ScanFinding(
                id,
                FindingSeverity.parse(finding.severity()),
                pkg == null ? null : pkg.name(),
                pkg == null ? null : pkg.version(),
                pkg == null ? null : pkg.fixedInVersion(),
                details == null ? null : details.sourceUrl(),
                finding.description());
    }
}
