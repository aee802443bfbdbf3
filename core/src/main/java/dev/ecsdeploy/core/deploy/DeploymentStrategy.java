package dev.ecsdeploy.core.deploy;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * How ECS replaces the running tasks: a rolling update, or one of ECS's native managed strategies that shift traffic
 * between two service revisions. Ranges are validated as the ECS API validates them, so a bad value fails before any
 * call.
 */
public sealed interface DeploymentStrategy extends Serializable {
    /** The ECS API's name of the strategy: ROLLING, CANARY, LINEAR or BLUE_GREEN. */
    String apiName();

    /** Whether ECS shifts traffic between revisions (and so needs a load balancer or Service Connect). */
    default boolean shiftsTraffic() {
        return !(this instanceof Rolling);
    }

    static Rolling rolling() {
        return new Rolling();
    }

    /** ECS's rolling update: replace tasks within minimumHealthyPercent and maximumPercent. */
    record Rolling() implements DeploymentStrategy {
        private static final long serialVersionUID = 1L;

        @Override
        public String apiName() {
            return "ROLLING";
        }
    }

    /**
     * Shift {@code canaryPercent} of production traffic, wait {@code canaryBakeTimeInMinutes}, then shift the rest.
     *
     * @param bakeTimeInMinutes how long both revisions stay up after the full shift, or null for the ECS default
     */
    record Canary(double canaryPercent, int canaryBakeTimeInMinutes, Integer bakeTimeInMinutes)
            implements DeploymentStrategy {
        private static final long serialVersionUID = 1L;

        public Canary {
            requireTenths("canaryPercent", canaryPercent, 0.1);
            requireMinutes("canaryBakeTimeInMinutes", canaryBakeTimeInMinutes);
            requireOptionalMinutes(bakeTimeInMinutes);
        }

        @Override
        public String apiName() {
            return "CANARY";
        }
    }

    /** Shift {@code stepPercent} of production traffic every {@code stepBakeTimeInMinutes}. */
    record Linear(double stepPercent, int stepBakeTimeInMinutes, Integer bakeTimeInMinutes)
            implements DeploymentStrategy {
        private static final long serialVersionUID = 1L;

        public Linear {
            requireTenths("stepPercent", stepPercent, 3.0);
            requireMinutes("stepBakeTimeInMinutes", stepBakeTimeInMinutes);
            requireOptionalMinutes(bakeTimeInMinutes);
        }

        @Override
        public String apiName() {
            return "LINEAR";
        }
    }

    /** Start the whole new revision, shift all traffic at once, keep the old one for {@code bakeTimeInMinutes}. */
    record BlueGreen(Integer bakeTimeInMinutes) implements DeploymentStrategy {
        private static final long serialVersionUID = 1L;

        public BlueGreen {
            requireOptionalMinutes(bakeTimeInMinutes);
        }

        @Override
        public String apiName() {
            return "BLUE_GREEN";
        }
    }

    /** Bake time after the production shift, where the strategy has one. */
    default Integer bakeTimeInMinutes() {
        return null;
    }

    private static void requireTenths(String name, double value, double minimum) {
        BigDecimal decimal = BigDecimal.valueOf(value);
        if (value < minimum
                || value > 100
                || decimal.remainder(new BigDecimal("0.1")).signum() != 0) {
            throw new InvalidDeploymentException(
                    "invalid " + name + " " + value + ": ECS accepts " + minimum + " to 100 in steps of 0.1");
        }
    }

    private static void requireMinutes(String name, int minutes) {
        if (minutes < 0 || minutes > 1440) {
            throw new InvalidDeploymentException("invalid " + name + " " + minutes + ": ECS accepts 0 to 1440 minutes");
        }
    }

    private static void requireOptionalMinutes(Integer minutes) {
        if (minutes != null) {
            requireMinutes("bakeTimeInMinutes", minutes);
        }
    }
}
