package dev.ecsdeploy.core.ecr.scan;

import java.util.Locale;

/** Severities ECR reports, most severe first; UNTRIAGED comes from enhanced scanning. */
public enum FindingSeverity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW,
    INFORMATIONAL,
    UNDEFINED,
    UNTRIAGED;

    /** Parses ECR's severity text; unknown values become {@link #UNDEFINED}. */
    public static FindingSeverity parse(String text) {
        if (text == null) {
            return UNDEFINED;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNDEFINED;
        }
    }
}
