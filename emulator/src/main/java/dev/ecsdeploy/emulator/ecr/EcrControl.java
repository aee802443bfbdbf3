package dev.ecsdeploy.emulator.ecr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.emulator.http.AwsException;
import dev.ecsdeploy.emulator.http.ControlRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECR part of the control API under {@code /_emulator/ecr/}, for out-of-process tests and demos. Each path is
 * the Java API of {@link EcrService} with a JSON body:
 *
 * <ul>
 *   <li>{@code POST ecr/images} {@code {"repository","tag","labels":{…}}} seeds a synthetic image → {@code {"digest"}}
 *   <li>{@code POST ecr/findings} {@code {"repository","image","counts":{"CRITICAL":1}}} or {@code "findings":[…]}
 *   <li>{@code POST ecr/scan-status} {@code {"repository","image","status","description"}} pins a scan status
 *   <li>{@code DELETE ecr/scan-status?repository=…&image=…} unpins it
 *   <li>{@code POST ecr/scan-duration} {@code {"seconds":10}}
 * </ul>
 */
final class EcrControl {
    private final EcrService service;

    EcrControl(EcrService service) {
        this.service = service;
    }

    JsonNode handle(ControlRequest request) {
        JsonNode body = request.body() == null ? EcrJson.object() : request.body();
        return switch (request.method() + " " + request.path()) {
            case "POST ecr/images" ->
                EcrJson.object()
                        .put(
                                "digest",
                                service.putSyntheticImage(
                                        text(body, "repository"), text(body, "tag"), labels(body.path("labels"))));
            case "POST ecr/findings" -> {
                setFindings(body);
                yield EcrJson.object();
            }
            case "POST ecr/scan-status" -> {
                service.pinScanStatus(
                        text(body, "repository"),
                        text(body, "image"),
                        text(body, "status"),
                        body.path("description").asText(null));
                yield EcrJson.object();
            }
            case "DELETE ecr/scan-status" -> {
                service.unpinScanStatus(query(request, "repository"), query(request, "image"));
                yield EcrJson.object();
            }
            case "POST ecr/scan-duration" -> {
                service.scanDuration(
                        Duration.ofMillis((long) (body.path("seconds").asDouble(10) * 1000)));
                yield EcrJson.object();
            }
            default ->
                throw new AwsException(
                        404, "NotFound", "no control path " + request.method() + " /_emulator/" + request.path());
        };
    }

    private void setFindings(JsonNode body) {
        String repository = text(body, "repository");
        String image = text(body, "image");
        if (body.has("findings")) {
            List<ScanFinding> findings = new ArrayList<>();
            for (JsonNode finding : body.get("findings")) {
                findings.add(finding(finding));
            }
            service.setFindings(repository, image, findings);
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        body.path("counts")
                .fields()
                .forEachRemaining(
                        field -> counts.put(field.getKey(), field.getValue().asInt()));
        service.setFindingCounts(repository, image, counts);
    }

    private static ScanFinding finding(JsonNode node) {
        ScanFinding defaults = ScanFinding.of(text(node, "name"), text(node, "severity"));
        return new ScanFinding(
                defaults.name(),
                defaults.severity(),
                node.path("description").asText(defaults.description()),
                node.path("uri").asText(defaults.uri()),
                node.path("packageName").asText(defaults.packageName()),
                node.path("packageVersion").asText(defaults.packageVersion()),
                node.path("fixedInVersion").asText(defaults.fixedInVersion()));
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields()
                .forEachRemaining(
                        field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static String text(JsonNode body, String member) {
        String value = body.path(member).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the request body needs \"" + member + "\"");
        }
        return value;
    }

    private static String query(ControlRequest request, String name) {
        String value = request.query().get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("the query needs " + name + "=…");
        }
        return value;
    }
}
