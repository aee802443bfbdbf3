package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.MemberTypes;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scanning: StartImageScan, DescribeImageScanFindings and the registry scanning configuration. */
final class ScanOperations {
    private static final Set<String> FREQUENCIES = Set.of("SCAN_ON_PUSH", "CONTINUOUS_SCAN", "MANUAL");
    private static final int ENHANCED_PAGE_CAP = 100;

    private final EcrStore store;
    private final ImageOperations images;

    ScanOperations(EcrStore store, ImageOperations images) {
        this.store = store;
        this.images = images;
    }

    void register(Map<String, EcrOperation> operations) {
        operations.put("StartImageScan", this::start);
        operations.put("DescribeImageScanFindings", this::describeFindings);
        operations.put("GetRegistryScanningConfiguration", this::getConfiguration);
        operations.put("PutRegistryScanningConfiguration", this::putConfiguration);
    }

    private JsonNode start(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        StoredImage image = images.lookup(repository, imageId(input));
        if (store.scanning().enhanced()) {
            // With enhanced scanning Inspector owns scans; ECR refuses manual basic scans.
            throw AwsException.validation("This feature is disabled");
        }
        if (image.manifest().isIndex()) {
            throw AwsException.client("UnsupportedImageTypeException", "The image type is not supported for scanning");
        }
        ImageScan scan = store.startBasicScan(image, context.now());
        ObjectNode output = identity(repository, image, input);
        output.set("imageScanStatus", EcrJson.scanStatus(scan));
        return output;
    }

    private JsonNode describeFindings(ObjectNode input, RequestContext context) {
        EcrRepository repository = repository(input);
        StoredImage image = images.lookup(repository, imageId(input));
        ImageScan scan = image.scan();
        if (scan == null) {
            throw EcrErrors.scanNotFound(image.digest(), repository.name(), store.registryId());
        }
        int max = EcrValidation.maxResults(input, 1000, 100);
        ObjectNode output = identity(repository, image, input);
        output.set("imageScanStatus", EcrJson.scanStatus(scan));
        if (!scan.hasFindings()) {
            return output;
        }
        int pageSize = scan.enhanced() ? Math.min(max, ENHANCED_PAGE_CAP) : max;
        Pages.Page<ScanFinding> page =
                Pages.page(image.findings(), input.path("nextToken").asText(null), pageSize);
        ObjectNode findings = EcrJson.findingsSummary(image, scan);
        output.set("imageScanFindings", findings);
        ArrayNode list = findings.putArray(scan.enhanced() ? "enhancedFindings" : "findings");
        Instant observed = scan.completedAt() != null ? scan.completedAt() : scan.startedAt();
        EnhancedFindingJson.ImageContext imageContext = new EnhancedFindingJson.ImageContext(
                context.accountId(), context.region(), repository, image, store.registryId());
        for (ScanFinding finding : page.items()) {
            list.add(
                    scan.enhanced()
                            ? EnhancedFindingJson.enhanced(finding, imageContext, observed)
                            : EnhancedFindingJson.basic(finding));
        }
        if (page.nextToken() != null) {
            output.put("nextToken", page.nextToken());
        }
        return output;
    }

    private JsonNode getConfiguration(ObjectNode input, RequestContext context) {
        ObjectNode output = EcrJson.object().put("registryId", store.registryId());
        output.set("scanningConfiguration", render(store.scanning()));
        return output;
    }

    private JsonNode putConfiguration(ObjectNode input, RequestContext context) {
        String scanType = input.path("scanType").asText("BASIC");
        if (!scanType.equals("BASIC") && !scanType.equals("ENHANCED")) {
            throw AwsException.validation("1 validation error detected: Value '" + scanType
                    + "' at 'scanType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[BASIC, ENHANCED]");
        }
        MemberTypes.lists(input, "rules");
        List<ScanningConfiguration.Rule> rules = new ArrayList<>();
        for (JsonNode rule : input.path("rules")) {
            rules.add(rule(rule, scanType));
        }
        ScanningConfiguration configuration = new ScanningConfiguration(scanType, rules);
        store.scanning(configuration, context.now());
        return EcrJson.object().set("registryScanningConfiguration", render(configuration));
    }

    private static ScanningConfiguration.Rule rule(JsonNode rule, String scanType) {
        String frequency = rule.path("scanFrequency").asText("");
        if (!FREQUENCIES.contains(frequency)) {
            throw AwsException.validation("1 validation error detected: Value '" + frequency
                    + "' at 'rules.member.scanFrequency' failed to satisfy constraint: Member must satisfy enum"
                    + " value set: [SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL]");
        }
        if (scanType.equals("BASIC") && frequency.equals("CONTINUOUS_SCAN")) {
            throw AwsException.validation("Continuous scanning is only supported with scan type ENHANCED");
        }
        List<String> filters = new ArrayList<>();
        rule.path("repositoryFilters")
                .forEach(filter -> filters.add(filter.path("filter").asText()));
        if (filters.isEmpty()) {
            throw AwsException.validation("A scanning rule needs at least one repository filter");
        }
        return new ScanningConfiguration.Rule(frequency, filters);
    }

    private static ObjectNode render(ScanningConfiguration configuration) {
        ObjectNode node = EcrJson.object().put("scanType", configuration.scanType());
        ArrayNode rules = node.putArray("rules");
        for (ScanningConfiguration.Rule rule : configuration.rules()) {
            ObjectNode ruleNode = rules.addObject().put("scanFrequency", rule.scanFrequency());
            ArrayNode filters = ruleNode.putArray("repositoryFilters");
            rule.filters()
                    .forEach(filter -> filters.addObject().put("filter", filter).put("filterType", "WILDCARD"));
        }
        return node;
    }

    private ObjectNode identity(EcrRepository repository, StoredImage image, JsonNode input) {
        ObjectNode output = EcrJson.object();
        output.put("registryId", store.registryId());
        output.put("repositoryName", repository.name());
        output.set(
                "imageId",
                EcrJson.imageId(image.digest(), imageId(input).path("imageTag").asText(null)));
        return output;
    }

    private static JsonNode imageId(JsonNode input) {
        JsonNode id = input.get("imageId");
        if (id == null || !id.isObject()) {
            throw EcrErrors.required("imageId");
        }
        return id;
    }

    private EcrRepository repository(JsonNode input) {
        String name = EcrValidation.repositoryName(input);
        EcrValidation.registryId(input, store.registryId(), name);
        return store.requireRepository(name);
    }
}
