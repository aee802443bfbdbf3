package dev.ecsdeploy.emulator.faults;

import java.time.Duration;

/** What the injector decided for one call. */
public record Fault(Kind kind, Duration latency) {
    public enum Kind {
        NONE,
        THROTTLE,
        SERVER_ERROR,
        DROP
    }

    public static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO);
}
