package dev.ecsdeploy.core.ecr.scan;

import java.util.Locale;

/** How a scan ends for the build: pass, mark unstable, or fail. */
public enum ScanVerdict {
    PASS,
    UNSTABLE,
    FAIL;

    /** Parses {@code fail}, {@code unstable}, or {@code ignore}/{@code pass}. */
    public static ScanVerdict parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> FAIL;
            case "unstable", "warn" -> UNSTABLE;
            case "ignore", "pass" -> PASS;
            default ->
                throw new IllegalArgumentException("invalid scan verdict '" + text + "': use fail, unstable or ignore");
        };
    }
}
