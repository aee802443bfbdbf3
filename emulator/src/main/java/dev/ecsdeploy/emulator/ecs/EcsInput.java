package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed, validating reads of an operation's JSON input; violations become ECS's own errors. */
final class EcsInput {
    private final ObjectNode node;

    EcsInput(ObjectNode node) {
        this.node = node;
    }

    ObjectNode raw() {
        return node;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    Optional<String> string(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    String required(String name) {
        return string(name)
                .filter(value -> !value.isEmpty())
                .orElseThrow(() -> EcsErrors.invalidParameter(name + " can not be null or empty."));
    }

    Optional<Integer> integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt()) {
            throw EcsErrors.invalidParameter(name + " must be an integer.");
        }
        return Optional.of(value.asInt());
    }

    int integer(String name, int fallback, int min, int max) {
        int value = integer(name).orElse(fallback);
        if (value < min || value > max) {
            throw EcsErrors.invalidParameter(name + " must be between " + min + " and " + max + ".");
        }
        return value;
    }

    Optional<Boolean> bool(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asBoolean());
    }

    List<String> strings(String name) {
        JsonNode value = node.get(name);
        List<String> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> items.add(item.asText()));
        }
        return items;
    }

    ArrayNode array(String name) {
        JsonNode value = node.get(name);
        return value instanceof ArrayNode array ? array : node.arrayNode();
    }

    Optional<ObjectNode> object(String name) {
        JsonNode value = node.get(name);
        return value instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    Optional<String> enumValue(String name, Set<String> allowed) {
        Optional<String> value = string(name);
        value.ifPresent(v -> requireEnum(name, v, allowed));
        return value;
    }

    static void requireEnum(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw EcsErrors.invalidParameter("Invalid value '" + value + "' for " + name + ". Valid values are "
                    + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
    }

    /** {@code include: ["TAGS"]}. */
    boolean includes(String what) {
        return strings("include").contains(what);
    }
}
