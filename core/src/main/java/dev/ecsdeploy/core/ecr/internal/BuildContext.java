package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a builder needs for one build: the request, the full image references to tag ({@code registry/repo:tag}),
 * the registry and its credential, the final labels, the image's creation time (never "now", see {@link
 * SourceDate}), this run's tool logins and private work directory, and where to send output lines.
 */
record BuildContext(
        BuildPushRequest request,
        List<String> references,
        String registry,
        RegistryCredential credential,
        Map<String, String> labels,
        SourceDate created,
        ToolAuth auth,
        Path workDirectory,
        Consumer<String> output) {

    String firstReference() {
        return references.get(0);
    }
}
