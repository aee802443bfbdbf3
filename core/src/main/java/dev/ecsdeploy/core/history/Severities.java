package dev.ecsdeploy.core.history;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Orders scan severities from the worst down, the order reports show them in. */
public final class Severities {
    /** The severities ECR reports, worst first. */
    public static final List<String> ORDER = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNDEFINED");

    /** Compares severity names worst first; names ECR does not use sort last, by name. */
    public static final Comparator<String> WORST_FIRST =
            Comparator.comparingInt(Severities::rank).thenComparing(Comparator.naturalOrder());

    private Severities() {}

    /** Returns the position of a severity in {@link #ORDER}, or its size for names outside it. */
    public static int rank(String severity) {
        int index = ORDER.indexOf(severity.toUpperCase(Locale.ROOT));
        return index < 0 ? ORDER.size() : index;
    }

    static Map<String, Integer> sorted(Map<String, Integer> counts) {
        var sorted = new LinkedHashMap<String, Integer>();
        counts.keySet().stream().sorted(WORST_FIRST).forEach(key -> sorted.put(key, counts.get(key)));
        return java.util.Collections.unmodifiableMap(sorted);
    }
}
