package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.AwsException;
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
        return value == null || value.isNull() ? Optional.empty() : Optional.of(AwsException.text(name, value));
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
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
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
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw AwsException.serialization(name, value, "a boolean");
        }
        return Optional.of(value.booleanValue());
    }

    List<String> strings(String name) {
        List<String> items = new ArrayList<>();
        array(name).forEach(item -> items.add(AwsException.text(name + " item", item)));
        return items;
    }

    ArrayNode array(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return node.arrayNode();
        }
        if (!(value instanceof ArrayNode array)) {
            throw AwsException.serialization(name, value, "a list");
        }
        return array;
    }

    Optional<ObjectNode> object(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode object)) {
            throw AwsException.serialization(name, value, "a structure");
        }
        return Optional.of(object);
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
