package dev.ecsdeploy.emulator.faults;

import java.time.Duration;

/**
 * Faults injected into the calls matching {@code target}: {@code "ecs:DescribeServices"}, {@code "ecs:*"} or
 * {@code "*"}. Each percentage is the share of matching calls (0–100) that get that fault; latency is added to every
 * matching call before it is answered.
 */
public record FaultRule(
        String target, double throttlePercent, double serverErrorPercent, double dropPercent, Duration latency) {
    public FaultRule {
        requirePercent("throttlePercent", throttlePercent);
        requirePercent("serverErrorPercent", serverErrorPercent);
        requirePercent("dropPercent", dropPercent);
        latency = latency == null ? Duration.ZERO : latency;
    }

    public static FaultRule throttle(String target, double percent) {
        return new FaultRule(target, percent, 0, 0, Duration.ZERO);
    }

    public static FaultRule serverErrors(String target, double percent) {
        return new FaultRule(target, 0, percent, 0, Duration.ZERO);
    }

    public static FaultRule drops(String target, double percent) {
        return new FaultRule(target, 0, 0, percent, Duration.ZERO);
    }

    public static FaultRule latency(String target, Duration latency) {
        return new FaultRule(target, 0, 0, 0, latency);
    }

    public boolean matches(String service, String operation) {
        if (target.equals("*")) {
            return true;
        }
        int colon = target.indexOf(':');
        String ruleService = colon < 0 ? target : target.substring(0, colon);
        String ruleOperation = colon < 0 ? "*" : target.substring(colon + 1);
        return ruleService.equalsIgnoreCase(service) && (ruleOperation.equals("*") || ruleOperation.equals(operation));
    }

    private static void requirePercent(String name, double value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be between 0 and 100: " + value);
        }
    }
}
