package dev.ecsdeploy.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Orders environment names the way code is promoted through them when the user did not say: local, dev, test,
 * qa, staging, prod and their usual spellings first, by the first word of the name ({@code prod-eu} counts as
 * prod), then every other name alphabetically.
 */
public final class EnvironmentOrder {
    private static final List<List<String>> STAGES = List.of(
            List.of("local", "sandbox"),
            List.of("dev", "develop", "development"),
            List.of("test", "testing", "ci", "int", "integration"),
            List.of("qa", "uat", "acceptance"),
            List.of("staging", "stage", "stg", "preprod", "pre-prod", "perf"),
            List.of("prod", "production", "prd", "live"));

    private EnvironmentOrder() {}

    /** Returns the distinct names in promotion order. */
    public static List<String> sort(List<String> environments) {
        var distinct = new ArrayList<>(new LinkedHashSet<>(environments));
        distinct.sort(Comparator.comparingInt(EnvironmentOrder::stage).thenComparing(Comparator.naturalOrder()));
        return List.copyOf(distinct);
    }

    /** Returns the distinct names: first those in {@code preferred}, in its order, then the others sorted. */
    public static List<String> sort(List<String> environments, List<String> preferred) {
        var ordered = new LinkedHashSet<String>();
        preferred.stream().filter(environments::contains).forEach(ordered::add);
        ordered.addAll(sort(environments));
        return List.copyOf(ordered);
    }

    private static int stage(String environment) {
        String name = environment.toLowerCase(Locale.ROOT);
        String firstWord = name.split("[-_.\\s/]", 2)[0];
        for (int stage = 0; stage < STAGES.size(); stage++) {
            if (STAGES.get(stage).contains(name) || STAGES.get(stage).contains(firstWord)) {
                return stage;
            }
        }
        return STAGES.size();
    }
}
