package dev.ecsdeploy.core.input;

import java.time.Duration;

/**
 * The traffic-shift settings a user gives next to a strategy's name; which ones count depends on the strategy.
 *
 * @param canaryPercent the canary's share of production traffic (canary)
 * @param canaryBake how long the canary runs before the rest shifts (canary)
 * @param stepPercent the share each step shifts (linear)
 * @param stepBake how long each step runs (linear)
 * @param bake how long both revisions stay after the full shift, or null for ECS's default (canary, linear,
 *     blue-green)
 */
public record TrafficShift(
        double canaryPercent, Duration canaryBake, double stepPercent, Duration stepBake, Duration bake) {
    /** The defaults from {@link Defaults}, without a bake time after the full shift. */
    public static TrafficShift defaults() {
        return new TrafficShift(
                Double.parseDouble(Defaults.CANARY_PERCENT),
                Defaults.CANARY_BAKE,
                Double.parseDouble(Defaults.STEP_PERCENT),
                Defaults.STEP_BAKE,
                null);
    }
}
