package dev.ecsdeploy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between the ECS API's JSON and SDK model objects using only the SDK's own model metadata
 * ({@link SdkPojo#sdkFields()}, each field's wire name, marshalling type and nested builders). No field is named here,
 * so every member AWS adds to the model works without a code change.
 */
public final class SdkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SdkJson() {}

    /** Returns the wire JSON of a model object; absent members are left out. */
    public static ObjectNode toJson(SdkPojo pojo) {
        ObjectNode node = NODES.objectNode();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            JsonNode json = valueToJson(field, value);
            if (json != null) {
                node.set(field.locationName(), json);
            }
        }
        return node;
    }

    /**
     * Fills a fresh builder from wire JSON and builds it.
     *
     * @throws InvalidSpecException naming every unknown member and every value of the wrong type, with its JSON path
     */
    public static <T> T fromJson(JsonNode json, Supplier<? extends SdkBuilder<?, T>> builder) {
        List<String> problems = new ArrayList<>();
        SdkBuilder<?, T> target = builder.get();
        fill((SdkPojo) target, json, "", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException("the JSON does not match the ECS API: " + String.join("; ", problems));
        }
        return target.build();
    }

    /** Parses text as JSON, naming the position of the first syntax error. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidSpecException("the file is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static void fill(SdkPojo builder, JsonNode json, String path, List<String> problems) {
        if (!json.isObject()) {
            problems.add(describe(path) + " must be an object");
            return;
        }
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        builder.sdkFields().forEach(field -> fields.put(field.locationName(), field));
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String memberPath = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            SdkField<?> field = fields.get(member.getKey());
            if (field == null) {
                problems.add("unknown member " + memberPath);
            } else if (!member.getValue().isNull()) {
                Object value = jsonToValue(field, member.getValue(), memberPath, problems);
                if (value != null) {
                    field.set(builder, value);
                }
            }
        }
    }

    private static JsonNode valueToJson(SdkField<?> field, Object value) {
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            return toJson((SdkPojo) value);
        }
        if (type == MarshallingType.LIST) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            ArrayNode array = NODES.arrayNode();
            ((List<?>) value).forEach(item -> array.add(valueToJson(member, item)));
            return array;
        }
        if (type == MarshallingType.MAP) {
            SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            ObjectNode map = NODES.objectNode();
            ((Map<?, ?>) value).forEach((key, item) -> map.set(String.valueOf(key), valueToJson(member, item)));
            return map;
        }
        return scalarToJson(value);
    }

    private static JsonNode scalarToJson(Object value) {
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Double number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Float number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Instant instant) {
            // The JSON 1.1 protocol sends timestamps as epoch seconds with a fraction.
            return NODES.numberNode(BigDecimal.valueOf(instant.toEpochMilli(), 3));
        }
        if (value instanceof SdkBytes bytes) {
            return NODES.textNode(bytes.asUtf8String());
        }
        return NODES.textNode(String.valueOf(value));
    }

    private static Object jsonToValue(SdkField<?> field, JsonNode json, String path, List<String> problems) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            fill(nested, json, path, problems);
            return ((SdkBuilder<?, ?>) nested).build();
        }
        if (type == MarshallingType.LIST) {
            return jsonToList(field, json, path, problems);
        }
        if (type == MarshallingType.MAP) {
            return jsonToMap(field, json, path, problems);
        }
        return jsonToScalar(type, json, path, problems);
    }

    private static List<Object> jsonToList(SdkField<?> field, JsonNode json, String path, List<String> problems) {
        if (!json.isArray()) {
            problems.add(describe(path) + " must be an array");
            return null;
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            items.add(jsonToValue(member, json.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    private static Map<String, Object> jsonToMap(SdkField<?> field, JsonNode json, String path, List<String> problems) {
        if (!json.isObject()) {
            problems.add(describe(path) + " must be an object");
            return null;
        }
        SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        json.fields()
                .forEachRemaining(entry -> map.put(
                        entry.getKey(), jsonToValue(member, entry.getValue(), path + "." + entry.getKey(), problems)));
        return map;
    }

    private static Object jsonToScalar(MarshallingType<?> type, JsonNode json, String path, List<String> problems) {
        if (type == MarshallingType.STRING) {
            return expect(json.isTextual(), json::asText, path, "a string", problems);
        }
        if (type == MarshallingType.BOOLEAN) {
            return expect(json.isBoolean(), json::asBoolean, path, "true or false", problems);
        }
        if (type == MarshallingType.INTEGER) {
            return expect(json.canConvertToInt() && json.isIntegralNumber(), json::asInt, path, "an integer", problems);
        }
        if (type == MarshallingType.LONG) {
            return expect(json.isIntegralNumber(), json::asLong, path, "an integer", problems);
        }
        if (type == MarshallingType.DOUBLE) {
            return expect(json.isNumber(), json::asDouble, path, "a number", problems);
        }
        if (type == MarshallingType.FLOAT) {
            return expect(json.isNumber(), () -> (float) json.asDouble(), path, "a number", problems);
        }
        if (type == MarshallingType.INSTANT) {
            return json.isNumber()
                    ? Instant.ofEpochMilli(json.decimalValue().movePointRight(3).longValue())
                    : expect(json.isTextual(), () -> Instant.parse(json.asText()), path, "a timestamp", problems);
        }
        problems.add(describe(path) + " has a type this tool cannot read from JSON (" + type + ")");
        return null;
    }

    private static Object expect(
            boolean matches, Supplier<Object> value, String path, String expected, List<String> problems) {
        if (!matches) {
            problems.add(describe(path) + " must be " + expected);
            return null;
        }
        return value.get();
    }

    private static String describe(String path) {
        return path.isEmpty() ? "the document" : path;
    }
}
