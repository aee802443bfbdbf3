package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Renders findings in the {@code enhancedFindings} shape Amazon Inspector gives ECR (package vulnerability details,
 * CVSS, remediation and the affected image resource), and in the basic {@code findings} shape.
 */
final class EnhancedFindingJson {
    private static final Map<String, Double> SCORES =
            Map.of("CRITICAL", 9.8, "HIGH", 7.5, "MEDIUM", 5.3, "LOW", 3.1, "INFORMATIONAL", 0.0, "UNDEFINED", 0.0);
    private static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    /** What an enhanced finding says about the image it was found in. */
    record ImageContext(
            String accountId, String region, EcrRepository repository, StoredImage image, String registryId) {}

    private EnhancedFindingJson() {}

    static ObjectNode basic(ScanFinding finding) {
        ObjectNode node = EcrJson.object();
        node.put("name", finding.name());
        node.put("description", finding.description());
        node.put("uri", finding.uri());
        node.put("severity", finding.severity());
        var attributes = node.putArray("attributes");
        attributes.addObject().put("key", "package_version").put("value", finding.packageVersion());
        attributes.addObject().put("key", "package_name").put("value", finding.packageName());
        attributes.addObject().put("key", "CVSS3_VECTOR").put("value", VECTOR);
        attributes.addObject().put("key", "CVSS3_SCORE").put("value", String.valueOf(score(finding)));
        return node;
    }

    static ObjectNode enhanced(ScanFinding finding, ImageContext context, Instant observedAt) {
        ObjectNode node = EcrJson.object();
        node.put("awsAccountId", context.accountId());
        node.put("description", finding.description());
        node.put(
                "findingArn",
                "arn:aws:inspector2:" + context.region() + ":" + context.accountId() + ":finding/"
                        + Digests.sha256((context.image().digest() + finding.name())
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                .substring(7, 39));
        node.put("firstObservedAt", EcrJson.epoch(observedAt));
        node.put("lastObservedAt", EcrJson.epoch(observedAt));
        node.put("updatedAt", EcrJson.epoch(observedAt));
        node.set("packageVulnerabilityDetails", packageDetails(finding, context, observedAt));
        node.putObject("remediation")
                .putObject("recommendation")
                .put("text", "Upgrade " + finding.packageName() + " to version " + finding.fixedInVersion());
        node.putArray("resources").add(resource(context));
        node.put("score", score(finding));
        node.putObject("scoreDetails")
                .putObject("cvss")
                .put("score", score(finding))
                .put("scoreSource", "NVD")
                .put("scoringVector", VECTOR)
                .put("version", "3.1")
                .putArray("adjustments");
        node.put("severity", finding.severity());
        node.put("status", "ACTIVE");
        node.put("title", finding.name() + " - " + finding.packageName());
        node.put("type", "PACKAGE_VULNERABILITY");
        node.put("fixAvailable", finding.fixedInVersion() == null ? "NO" : "YES");
        node.put("exploitAvailable", "NO");
        return node;
    }

    private static ObjectNode packageDetails(ScanFinding finding, ImageContext context, Instant observedAt) {
        ObjectNode details = EcrJson.object();
        details.putArray("cvss")
                .addObject()
                .put("baseScore", score(finding))
                .put("scoringVector", VECTOR)
                .put("source", "NVD")
                .put("version", "3.1");
        details.putArray("referenceUrls").add(finding.uri());
        details.putArray("relatedVulnerabilities");
        details.put("source", "NVD");
        details.put("sourceUrl", finding.uri());
        details.put("vendorCreatedAt", EcrJson.epoch(observedAt));
        details.put("vendorSeverity", finding.severity());
        details.put("vulnerabilityId", finding.name());
        ObjectNode vulnerable = details.putArray("vulnerablePackages").addObject();
        vulnerable.put("name", finding.packageName());
        vulnerable.put("version", finding.packageVersion());
        vulnerable.put("packageManager", "OS");
        vulnerable.put("epoch", 0);
        vulnerable.put("arch", "X86_64");
        if (finding.fixedInVersion() != null) {
            vulnerable.put("fixedInVersion", finding.fixedInVersion());
        }
        List<Manifest.Descriptor> layers = context.image().manifest().layers();
        if (!layers.isEmpty()) {
            vulnerable.put("sourceLayerHash", layers.get(0).digest());
        }
        return details;
    }

    private static ObjectNode resource(ImageContext context) {
        ObjectNode resource = EcrJson.object();
        resource.put("id", context.repository().arn() + "/" + context.image().digest());
        resource.put("type", "AWS_ECR_CONTAINER_IMAGE");
        ObjectNode image = resource.putObject("details").putObject("awsEcrContainerImage");
        image.put("architecture", "amd64");
        image.put("imageHash", context.image().digest());
        var tags = image.putArray("imageTags");
        context.repository().tagsOf(context.image().digest()).forEach(tags::add);
        image.put("platform", "LINUX");
        image.put("pushedAt", EcrJson.epoch(context.image().pushedAt()));
        image.put("registry", context.registryId());
        image.put("repositoryName", context.repository().name());
        return resource;
    }

    private static double score(ScanFinding finding) {
        return SCORES.getOrDefault(finding.severity(), 0.0);
    }
}
