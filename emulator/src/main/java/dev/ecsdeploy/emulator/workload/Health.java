package dev.ecsdeploy.emulator.workload;

import java.util.Locale;

/** How a simulated container behaves once started. */
public enum Health {
    /** Starts, passes its health and load-balancer checks, keeps running (services) or exits (one-off tasks). */
    HEALTHY,
    /** Runs but fails its container health check and load-balancer target checks. */
    UNHEALTHY,
    /** Exits shortly after start, every time. */
    CRASH;

    static Health parse(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "label " + Workload.HEALTH_LABEL + " must be healthy, unhealthy or crash: " + label, e);
        }
    }
}
