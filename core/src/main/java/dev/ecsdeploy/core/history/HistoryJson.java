package dev.ecsdeploy.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads and writes history entries as JSON, one object per line, each starting with its {@code schemaVersion}.
 *
 * <p>Schema versions change only for incompatible changes; new optional properties keep the version, because
 * readers ignore properties they do not know. A reader skips (and reports) lines of a newer schema version.
 */
public final class HistoryJson {
    /** The schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final byte[] LINE_PREFIX =
            ("{\"schemaVersion\":" + SCHEMA_VERSION + ",").getBytes(StandardCharsets.UTF_8);
    private static final Map<EntryKind, byte[]> KIND_PREFIXES = kindPrefixes();
    private static final ObjectMapper MAPPER = newMapper();

    private HistoryJson() {}

    /**
     * Returns a new mapper configured as the store uses it: ISO-8601 times, empty values left out, unknown
     * properties ignored, unknown enum values read as their default.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
    }

    /** Returns the entry as one line of UTF-8 JSON, newline included. */
    public static byte[] toLine(HistoryEntry entry) {
        byte[] json = toJsonBytes(entry);
        // The entry serialises as {"type":…}; splice the version in front so every line starts with it.
        byte[] line = new byte[LINE_PREFIX.length + json.length];
        System.arraycopy(LINE_PREFIX, 0, line, 0, LINE_PREFIX.length);
        System.arraycopy(json, 1, line, LINE_PREFIX.length, json.length - 1);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Returns the entry read from one stored line, or the reason the line cannot be used. */
    public static ParsedLine parseLine(byte[] bytes, int offset, int length) {
        if (startsWith(bytes, offset, length, LINE_PREFIX)) {
            return parseCurrentVersion(bytes, offset, length);
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes, offset, length);
        } catch (IOException e) {
            return ParsedLine.problem(LineProblem.NOT_JSON, notJson(e));
        }
        if (node == null || !node.isObject()) {
            return ParsedLine.problem(LineProblem.NOT_JSON, "not a JSON object");
        }
        return parseObject(node);
    }

    private static ParsedLine parseObject(JsonNode node) {
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            return ParsedLine.problem(LineProblem.NOT_UNDERSTOOD, "no schemaVersion");
        }
        if (version.intValue() > SCHEMA_VERSION) {
            return ParsedLine.newerSchema(version.intValue());
        }
        try {
            return ParsedLine.of(MAPPER.treeToValue(node, HistoryEntry.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return ParsedLine.problem(LineProblem.NOT_UNDERSTOOD, "not a history entry (" + firstLine(e) + ")");
        }
    }

    /**
     * Returns the kind of entry a line holds when the line starts the way this version writes lines (schema version,
     * then type), without parsing it; null when it does not, and only parsing can tell.
     */
    static EntryKind kindOf(byte[] bytes, int offset, int length) {
        for (EntryKind kind : EntryKind.values()) {
            if (startsWith(bytes, offset, length, KIND_PREFIXES.get(kind))) {
                return kind;
            }
        }
        return null;
    }

    // The line starts as this version writes it, so skip the tree and bind it directly (about half the work).
    private static ParsedLine parseCurrentVersion(byte[] bytes, int offset, int length) {
        try {
            return ParsedLine.of(MAPPER.readValue(bytes, offset, length, HistoryEntry.class));
        } catch (JsonParseException e) {
            return ParsedLine.problem(LineProblem.NOT_JSON, notJson(e));
        } catch (IOException | IllegalArgumentException e) {
            return ParsedLine.problem(LineProblem.NOT_UNDERSTOOD, "not a history entry (" + firstLine(e) + ")");
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the entry as a JSON object without a schema version, as nested in snapshots and reports. */
    static byte[] toJsonBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("history entry could not be written as JSON: " + e.getMessage(), e);
        }
    }

    private static Map<EntryKind, byte[]> kindPrefixes() {
        var prefixes = new EnumMap<EntryKind, byte[]>(EntryKind.class);
        for (EntryKind kind : EntryKind.values()) {
            String prefix = new String(LINE_PREFIX, StandardCharsets.UTF_8) + "\"type\":\"" + kind.type() + "\"";
            prefixes.put(kind, prefix.getBytes(StandardCharsets.UTF_8));
        }
        return prefixes;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Where the JSON breaks, in words; the parser's own message quotes JSON tokens that read as data. */
    private static String notJson(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json && json.getLocation() != null) {
            return "not valid JSON (it breaks at column " + json.getLocation().getColumnNr() + ")";
        }
        return "not valid JSON";
    }

    /** Why a stored line cannot be used. */
    public enum LineProblem {
        /** Not JSON at all: a torn or corrupted write. */
        NOT_JSON,
        /** JSON written with a newer schema version than this code reads. */
        NEWER_SCHEMA,
        /** JSON of the current schema that is not a history entry this code knows. */
        NOT_UNDERSTOOD
    }

    /**
     * The outcome of reading one line.
     *
     * @param entry the entry, or null when the line cannot be used
     * @param problem what is wrong with the line, or null
     * @param description why the line cannot be used, in words, or null
     */
    public record ParsedLine(HistoryEntry entry, LineProblem problem, String description) {
        static ParsedLine of(HistoryEntry entry) {
            return new ParsedLine(entry, null, null);
        }

        static ParsedLine problem(LineProblem problem, String description) {
            return new ParsedLine(null, problem, description);
        }

        static ParsedLine newerSchema(int version) {
            return problem(
                    LineProblem.NEWER_SCHEMA,
                    "written with schema version " + version + ", newer than " + SCHEMA_VERSION
                            + " which this version reads; upgrade ecs-deploy to see it");
        }
    }
}
