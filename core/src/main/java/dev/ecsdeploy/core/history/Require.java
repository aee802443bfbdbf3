package dev.ecsdeploy.core.history;

import java.util.List;

final class Require {
    private Require() {}

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("history entry is incomplete: " + what + " is missing");
        }
        return value;
    }

    static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("history entry is incomplete: " + what + " is missing");
        }
        return value;
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
