package dev.ecsdeploy.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Type checks for members an operation accepts but the emulator does not otherwise read, so that a member of the
 * wrong JSON type is refused with AWS's {@code SerializationException} instead of being silently ignored.
 */
public final class MemberTypes {
    private MemberTypes() {}

    public static void strings(ObjectNode input, String... members) {
        require(input, JsonNodeType.STRING, "a string", members);
    }

    public static void lists(ObjectNode input, String... members) {
        require(input, JsonNodeType.ARRAY, "a list", members);
    }

    public static void structures(ObjectNode input, String... members) {
        require(input, JsonNodeType.OBJECT, "a structure", members);
    }

    public static void booleans(ObjectNode input, String... members) {
        require(input, JsonNodeType.BOOLEAN, "a boolean", members);
    }

    private static void require(ObjectNode input, JsonNodeType type, String expected, String... members) {
        for (String member : members) {
            JsonNode value = input.get(member);
            if (value != null && !value.isNull() && value.getNodeType() != type) {
                throw AwsException.serialization(member, value, expected);
            }
        }
    }
}
