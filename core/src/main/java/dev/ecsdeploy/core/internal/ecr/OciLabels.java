package dev.ecsdeploy.core.internal.ecr;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every image gets: the caller's, plus the OCI annotations for the values the request carries. */
final class OciLabels {
    static final String BUILD_URL = "dev.ecsdeploy.build-url";

    private OciLabels() {}

    static Map<String, String> of(BuildPushRequest request, Map<String, String> own, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>(own);
        Instant created = request.created() == null ? now : request.created();
        labels.put(
                "org.opencontainers.image.created",
                created.truncatedTo(ChronoUnit.SECONDS).toString());
        putIfPresent(labels, "org.opencontainers.image.revision", request.revision());
        putIfPresent(labels, "org.opencontainers.image.source", request.sourceUrl());
        putIfPresent(labels, "org.opencontainers.image.version", request.version());
        putIfPresent(labels, BUILD_URL, request.buildUrl());
        return labels;
    }

    private static void putIfPresent(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(key, value);
        }
    }
}
