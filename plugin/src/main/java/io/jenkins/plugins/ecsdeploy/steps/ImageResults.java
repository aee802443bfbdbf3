package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.ecr.PushResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plain map an image step returns. */
final class ImageResults {
    private ImageResults() {}

    static Map<String, Object> of(PushResult pushed) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("imageUri", pushed.imageUri());
        result.put("digest", pushed.digest());
        result.put("tags", List.copyOf(pushed.tags()));
        result.put("repositoryUri", pushed.repositoryUri());
        result.put("unchanged", !pushed.changed());
        return result;
    }
}
