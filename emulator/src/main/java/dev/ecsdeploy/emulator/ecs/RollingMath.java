package dev.ecsdeploy.emulator.ecs;

/**
 * The rolling-update bounds: at least ⌈desired × minimumHealthyPercent / 100⌉ healthy tasks and at most
 * ⌊desired × maximumPercent / 100⌋ RUNNING + PENDING tasks.
 */
record RollingMath(int desired, int minimumHealthyPercent, int maximumPercent) {
    int minimumHealthy() {
        return (int) Math.ceil(desired * minimumHealthyPercent / 100.0);
    }

    int maximumTasks() {
        return (int) Math.floor(desired * maximumPercent / 100.0);
    }

    /**
     * The circuit-breaker threshold for this desired count: by default ⌈50 % × desired⌉ clamped to
     * [{@code minimum}, 200]; a {@code thresholdConfiguration} may set a count or another percentage.
     */
    static int breakerThreshold(int desired, String type, int value, int minimum) {
        int percentOfDesired = (int) Math.ceil(desired * value / 100.0);
        return switch (type) {
            case "COUNT" -> value;
            case "UNBOUNDED_PERCENT" -> Math.max(1, percentOfDesired);
            default -> Math.max(minimum, Math.min(200, percentOfDesired));
        };
    }
}
