package dev.ecsdeploy.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A readable, path-based difference between two JSON documents such as a running and a new task definition.
 * Arrays whose elements all carry a {@code name} (containers, environment variables, secrets) are matched by name,
 * so a path reads {@code containerDefinitions[web].image}; other arrays are matched by position.
 *
 * @param changes every difference, in document order
 */
public record SpecDiff(List<Change> changes) {
    public SpecDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One difference; {@code before} or {@code after} is null when the member was added or removed.
     *
     * @param path where, e.g. {@code containerDefinitions[web].environment[LOG_LEVEL].value}
     * @param before the old value as compact JSON, or null
     * @param after the new value as compact JSON, or null
     */
    public record Change(String path, String before, String after) {
        @Override
        public String toString() {
            if (before == null) {
                return "+ " + path + ": " + after;
            }
            if (after == null) {
                return "- " + path + ": " + before;
            }
            return "~ " + path + ": " + before + " → " + after;
        }
    }

    public static SpecDiff between(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        compare("", before, after, changes);
        return new SpecDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One change per line, or "no changes". */
    public String render() {
        if (changes.isEmpty()) {
            return "no changes";
        }
        StringBuilder text = new StringBuilder();
        changes.forEach(change -> text.append(change).append('\n'));
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isMissingNode()) {
            changes.add(new Change(path, null, compact(after)));
        } else if (after.isMissingNode()) {
            changes.add(new Change(path, compact(before), null));
        } else if (before.isObject() && after.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(keys::add);
            after.fieldNames().forEachRemaining(keys::add);
            keys.forEach(key -> compare(join(path, key), before.path(key), after.path(key), changes));
        } else if (before.isArray() && after.isArray()) {
            compareArrays(path, before, after, changes);
        } else {
            changes.add(new Change(path, compact(before), compact(after)));
        }
    }

    private static void compareArrays(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (allNamed(before) && allNamed(after)) {
            Map<String, JsonNode> old = byName(before);
            Map<String, JsonNode> now = byName(after);
            Set<String> names = new LinkedHashSet<>(old.keySet());
            names.addAll(now.keySet());
            names.forEach(name -> compare(
                    path + "[" + name + "]",
                    old.getOrDefault(name, MissingNode.getInstance()),
                    now.getOrDefault(name, MissingNode.getInstance()),
                    changes));
            return;
        }
        int size = Math.max(before.size(), after.size());
        for (int i = 0; i < size; i++) {
            compare(path + "[" + i + "]", before.path(i), after.path(i), changes);
        }
    }

    private static boolean allNamed(JsonNode array) {
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            if (!it.next().path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        array.forEach(item -> map.put(item.path("name").asText(), item));
        return map;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String compact(JsonNode node) {
        return node.toString();
    }
}
