package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders ECR's output shapes (Repository, ImageDetail, ImageIdentifier, scan status and summary) as wire JSON. */
final class EcrJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private EcrJson() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** AWS JSON 1.1 timestamps are epoch seconds, with a fraction for milliseconds. */
    static BigDecimal epoch(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    static ObjectNode repository(EcrRepository repository, String registryId) {
        ObjectNode node = object();
        node.put("repositoryArn", repository.arn());
        node.put("registryId", registryId);
        node.put("repositoryName", repository.name());
        node.put("repositoryUri", repository.uri());
        node.put("createdAt", epoch(repository.createdAt()));
        node.put("imageTagMutability", repository.tagMutability());
        node.putObject("imageScanningConfiguration").put("scanOnPush", repository.scanOnPush());
        ObjectNode encryption = node.putObject("encryptionConfiguration");
        encryption.put("encryptionType", repository.encryptionType());
        if (repository.kmsKey() != null) {
            encryption.put("kmsKey", repository.kmsKey());
        }
        return node;
    }

    static ObjectNode imageId(String digest, String tag) {
        ObjectNode node = object();
        if (digest != null) {
            node.put("imageDigest", digest);
        }
        if (tag != null) {
            node.put("imageTag", tag);
        }
        return node;
    }

    static ObjectNode imageDetail(EcrRepository repository, StoredImage image, String registryId) {
        ObjectNode node = object();
        node.put("registryId", registryId);
        node.put("repositoryName", repository.name());
        node.put("imageDigest", image.digest());
        List<String> tags = repository.tagsOf(image.digest());
        if (!tags.isEmpty()) {
            ArrayNode array = node.putArray("imageTags");
            tags.forEach(array::add);
        }
        node.put("imageSizeInBytes", image.sizeInBytes());
        node.put("imagePushedAt", epoch(image.pushedAt()));
        node.put("imageManifestMediaType", image.manifest().mediaType());
        if (!image.manifest().isIndex() && image.manifest().config() != null) {
            node.put("artifactMediaType", image.manifest().config().mediaType());
        }
        node.put("imageStatus", "ACTIVE");
        ImageScan scan = image.scan();
        if (scan != null) {
            node.set("imageScanStatus", scanStatus(scan));
            if (scan.hasFindings()) {
                node.set("imageScanFindingsSummary", findingsSummary(image, scan));
            }
        }
        return node;
    }

    static ObjectNode scanStatus(ImageScan scan) {
        ObjectNode node = object();
        node.put("status", scan.status());
        if (scan.description() != null) {
            node.put("description", scan.description());
        }
        return node;
    }

    static ObjectNode findingsSummary(StoredImage image, ImageScan scan) {
        ObjectNode node = object();
        Instant completed = scan.completedAt() != null ? scan.completedAt() : scan.startedAt();
        node.put("imageScanCompletedAt", epoch(completed));
        node.put("vulnerabilitySourceUpdatedAt", epoch(completed));
        ObjectNode counts = node.putObject("findingSeverityCounts");
        severityCounts(image.findings()).forEach(counts::put);
        return node;
    }

    static Map<String, Integer> severityCounts(List<ScanFinding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return counts;
    }
}
