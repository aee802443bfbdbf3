package dev.ecsdeploy.emulator.logs;

import dev.ecsdeploy.emulator.http.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The term subset of the CloudWatch Logs filter pattern syntax: {@code ERROR} (contains), {@code ERROR timeout}
 * (contains all), {@code "exact phrase"}, {@code ?ERROR ?WARN} (contains any) and {@code -DEBUG} (excludes).
 * Terms match case-sensitively, as in AWS. JSON and space-delimited patterns are refused so the gap is visible.
 */
final class FilterPattern {
    private static final Pattern TERM = Pattern.compile("([?\\-]?)(\"([^\"]*)\"|\\S+)");

    private final List<String> required = new ArrayList<>();
    private final List<String> optional = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    private FilterPattern() {}

    static FilterPattern parse(String pattern) {
        FilterPattern parsed = new FilterPattern();
        String trimmed = pattern == null ? "" : pattern.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("%")) {
            throw AwsException.invalidParameter("The emulator supports only term filter patterns, not: " + pattern);
        }
        Matcher matcher = TERM.matcher(trimmed);
        while (matcher.find()) {
            String term = matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
            switch (matcher.group(1)) {
                case "?" -> parsed.optional.add(term);
                case "-" -> parsed.excluded.add(term);
                default -> parsed.required.add(term);
            }
        }
        return parsed;
    }

    boolean matches(String message) {
        for (String term : excluded) {
            if (message.contains(term)) {
                return false;
            }
        }
        for (String term : required) {
            if (!message.contains(term)) {
                return false;
            }
        }
        return optional.isEmpty() || optional.stream().anyMatch(message::contains);
    }
}
