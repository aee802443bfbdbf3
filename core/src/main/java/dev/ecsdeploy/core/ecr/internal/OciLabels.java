package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The labels every image gets: the caller's, plus the OCI annotations for the values the request carries. */
final class OciLabels {
    static final String BUILD_URL = "dev.ecsdeploy.build-url";

    private OciLabels() {}

    /** The labels; {@code created} is the image's source date, so the label does not change a rebuild's digest. */
    static Map<String, String> of(BuildPushRequest request, Map<String, String> own, Instant created) {
        Map<String, String> labels = new LinkedHashMap<>(own);
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
