package dev.ecsdeploy.emulator.ecr;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry scanning configuration: BASIC or ENHANCED, with rules that pick repositories by wildcard filter and
 * give them a frequency (SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL).
 */
record ScanningConfiguration(String scanType, List<Rule> rules) {
    static final ScanningConfiguration DEFAULT = new ScanningConfiguration("BASIC", List.of());

    /** One registry scanning rule. */
    record Rule(String scanFrequency, List<String> filters) {
        Rule {
            filters = List.copyOf(filters);
        }

        boolean matches(String repositoryName) {
            return filters.stream()
                    .anyMatch(filter -> wildcard(filter).matcher(repositoryName).matches());
        }

        private static Pattern wildcard(String filter) {
            StringBuilder regex = new StringBuilder();
            for (String part : filter.split("\\*", -1)) {
                regex.append(Pattern.quote(part)).append(".*");
            }
            return Pattern.compile(regex.substring(0, regex.length() - 2));
        }
    }

    ScanningConfiguration {
        rules = List.copyOf(rules);
    }

    boolean enhanced() {
        return "ENHANCED".equals(scanType);
    }

    /** The frequency the first matching rule gives; continuous wins over on-push, as the console shows. */
    Optional<String> frequencyFor(String repositoryName) {
        Optional<String> continuous = matching(repositoryName, "CONTINUOUS_SCAN");
        return continuous.isPresent() ? continuous : matching(repositoryName, "SCAN_ON_PUSH");
    }

    private Optional<String> matching(String repositoryName, String frequency) {
        return rules.stream()
                .filter(rule -> rule.scanFrequency().equals(frequency) && rule.matches(repositoryName))
                .map(Rule::scanFrequency)
                .findFirst();
    }
}
