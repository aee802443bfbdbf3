package dev.ecsdeploy.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1h30m}, or ISO {@code PT15M}. */
final class DurationConverter {
    private static final Pattern PARTS = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationConverter() {}

    static Duration parse(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (value.startsWith("p")) {
            try {
                return Duration.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        Matcher matcher = PARTS.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            total = total.plus(part(Long.parseLong(matcher.group(1)), matcher.group(2)));
            end = matcher.end();
        }
        if (end == 0 || end != value.length()) {
            throw invalid(text);
        }
        return total;
    }

    private static Duration part(long amount, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private static TypeConversionException invalid(String text) {
        return new TypeConversionException("'" + text + "' is not a duration; write it like 90s, 15m, 1h30m or PT15M");
    }
}
