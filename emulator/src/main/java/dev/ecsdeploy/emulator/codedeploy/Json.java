package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Small helpers for CodeDeploy's JSON: epoch-second timestamps and required members. */
final class Json {
    private Json() {}

    static void time(ObjectNode node, String name, Instant instant) {
        if (instant != null) {
            node.put(name, BigDecimal.valueOf(instant.toEpochMilli(), 3));
        }
    }

    static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.asText().isEmpty()
                ? Optional.empty()
                : Optional.of(value.asText());
    }

    static String required(JsonNode node, String name, String exception) {
        return text(node, name).orElseThrow(() -> CodeDeployErrors.of(exception, "The " + name + " is required."));
    }
}
