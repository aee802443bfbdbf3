package dev.ecsdeploy.emulator.ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a BLUE_GREEN, LINEAR or CANARY service deployment is: its stages in AWS's order, the current one, when it was
 * entered, and the production-traffic steps still to take.
 */
final class StagedRollout {
    /** Hook-only stage between the test and the production shift; the SD keeps reporting POST_TEST_TRAFFIC_SHIFT. */
    static final String PRE_PRODUCTION = "PRE_PRODUCTION_TRAFFIC_SHIFT";

    final String strategy;
    final List<String> stages;
    /** Production weights of the green revision, in order, and the wait after each step but the last. */
    final List<Double> productionSteps;

    final Duration stepBake;
    final Duration bakeTime;
    int index;
    Instant enteredAt;
    int stepIndex;
    Instant nextStepAt;
    boolean rollingBack;

    StagedRollout(
            String strategy,
            List<String> stages,
            List<Double> productionSteps,
            Duration stepBake,
            Duration bakeTime,
            Instant at) {
        this.strategy = strategy;
        this.stages = List.copyOf(stages);
        this.productionSteps = List.copyOf(productionSteps);
        this.stepBake = stepBake;
        this.bakeTime = bakeTime;
        this.enteredAt = at;
    }

    String stage() {
        return stages.get(index);
    }

    /** The value of {@code lifecycleStage}: the SD model has no PRE_PRODUCTION_TRAFFIC_SHIFT stage. */
    String reportedStage() {
        return stage().equals(PRE_PRODUCTION) ? "POST_TEST_TRAFFIC_SHIFT" : stage();
    }

    boolean last() {
        return index == stages.size() - 1;
    }

    static List<String> stagesFor(boolean reconcile) {
        List<String> stages = new ArrayList<>();
        if (reconcile) {
            stages.add("RECONCILE_SERVICE");
        }
        stages.addAll(List.of(
                "PRE_SCALE_UP",
                "SCALE_UP",
                "POST_SCALE_UP",
                "TEST_TRAFFIC_SHIFT",
                "POST_TEST_TRAFFIC_SHIFT",
                PRE_PRODUCTION,
                "PRODUCTION_TRAFFIC_SHIFT",
                "POST_PRODUCTION_TRAFFIC_SHIFT",
                "BAKE_TIME",
                "CLEAN_UP"));
        return stages;
    }

    /** CANARY: the canary share, then everything; LINEAR: equal steps up to 100 %; BLUE_GREEN: all at once. */
    static List<Double> productionSteps(String strategy, double canaryPercent, double stepPercent) {
        List<Double> steps = new ArrayList<>();
        switch (strategy) {
            case "CANARY" -> {
                steps.add(canaryPercent);
                steps.add(100.0);
            }
            case "LINEAR" -> {
                for (double weight = stepPercent; weight < 100.0 - 1e-9; weight += stepPercent) {
                    steps.add(Math.round(weight * 10) / 10.0);
                }
                steps.add(100.0);
            }
            default -> steps.add(100.0);
        }
        return steps;
    }
}
