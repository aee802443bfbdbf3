package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource, and the tag rules every tagging operation shares. */
final class TagOperations {
    static final int MAX_TAGS = 50;

    private final EcsWorld world;

    TagOperations(EcsWorld world) {
        this.world = world;
    }

    JsonNode tag(EcsInput input) {
        String arn = existing(input.required("resourceArn"));
        if (!input.has("tags")) {
            throw EcsErrors.invalidParameter("tags can not be null or empty.");
        }
        apply(arn, input.array("tags"));
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode untag(EcsInput input) {
        String arn = existing(input.required("resourceArn"));
        Map<String, String> tags = world.tagsOf(arn);
        input.strings("tagKeys").forEach(tags::remove);
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode list(EcsInput input) {
        String arn = existing(input.required("resourceArn"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("tags", render(arn));
        return out;
    }

    /** Validates and merges {@code [{key, value}]} into the resource's tags. */
    void apply(String arn, ArrayNode tags) {
        Map<String, String> current = world.tagsOf(arn);
        for (JsonNode tag : tags) {
            String key = tag.path("key").asText("");
            String value = tag.path("value").asText("");
            if (key.isEmpty() || key.length() > 128) {
                throw EcsErrors.invalidParameter("Tag keys must be between 1 and 128 characters.");
            }
            if (value.length() > 256) {
                throw EcsErrors.invalidParameter("Tag values must be at most 256 characters.");
            }
            if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw EcsErrors.invalidParameter("Tag keys with the prefix 'aws:' are reserved for AWS use.");
            }
            current.put(key, value);
        }
        if (current.size() > MAX_TAGS) {
            throw EcsErrors.invalidParameter("A resource can have at most " + MAX_TAGS + " tags.");
        }
    }

    ArrayNode render(String arn) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        world.tags
                .getOrDefault(arn, Map.of())
                .forEach((k, v) -> array.addObject().put("key", k).put("value", v));
        return array;
    }

    private String existing(String arn) {
        boolean known = world.clusters.containsKey(arn)
                || world.tasks.containsKey(arn)
                || world.services.containsKey(arn)
                || world.families.values().stream()
                        .flatMap(java.util.List::stream)
                        .anyMatch(td -> td.arn.equals(arn));
        if (!known) {
            throw EcsErrors.resourceNotFound("The specified resource wasn't found.");
        }
        return arn;
    }
}
