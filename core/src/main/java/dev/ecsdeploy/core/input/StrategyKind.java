package dev.ecsdeploy.core.input;

import java.util.Locale;

/** The deployment strategies by name, as users type them. */
public enum StrategyKind {
    ROLLING,
    CANARY,
    LINEAR,
    BLUE_GREEN;

    /** The name users type, e.g. {@code blue-green}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
