package io.jenkins.plugins.ecsdeploy.steps;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small conversions from form and Pipeline values to core's types. */
final class Fields {
    private Fields() {}

    /** Trims a value; blank becomes null, as an empty form field means "not set". */
    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String first(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Splits a comma- or whitespace-separated list. */
    static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    static Duration minutes(Integer minutes, Duration fallback) {
        return minutes == null ? fallback : Duration.ofMinutes(minutes);
    }

    /** Reads an enum value the way users write it: {@code rollback}, {@code ROLLBACK}, {@code blue-green}. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace("_", "").equals(wanted.replace("_", ""))) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "': expected one of "
                + Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .toList());
    }
}
