package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

/**
 * When to poll a managed (canary, linear, blue/green) deployment next: every 5 s around transitions, slower while a
 * bake time runs, and back to 5 s shortly before the bake is due to end.
 */
final class Cadence {
    private Cadence() {}

    static Duration next(DeploymentHandle handle, ServiceDeployment sd, Instant now) {
        Duration bake = bakeOf(handle.strategy(), sd.lifecycleStageAsString());
        if (bake.isZero() || handle.stageSeenAt() == null) {
            return DeploymentPoller.QUICK;
        }
        Duration remaining =
                Duration.between(now, handle.stageSeenAt().plus(bake)).minus(DeploymentPoller.QUICK);
        if (remaining.compareTo(DeploymentPoller.QUICK) < 0) {
            return DeploymentPoller.QUICK;
        }
        return remaining.compareTo(DeploymentPoller.LONGEST) > 0 ? DeploymentPoller.LONGEST : remaining;
    }

    /** How long the stage is expected to last when nothing goes wrong. */
    static Duration bakeOf(DeploymentStrategy strategy, String stage) {
        if ("BAKE_TIME".equals(stage)) {
            Integer bake = UpdateServiceCall.bakeTime(strategy);
            return bake == null ? Duration.ZERO : Duration.ofMinutes(bake);
        }
        if ("PRODUCTION_TRAFFIC_SHIFT".equals(stage)) {
            if (strategy instanceof DeploymentStrategy.Canary canary) {
                return Duration.ofMinutes(canary.canaryBakeTimeInMinutes());
            }
            if (strategy instanceof DeploymentStrategy.Linear linear) {
                return Duration.ofMinutes(linear.stepBakeTimeInMinutes());
            }
        }
        return Duration.ZERO;
    }

    /** The stage plus the production weight, so each traffic step counts as a transition. */
    static String stageKey(ServiceDeployment sd) {
        return sd.lifecycleStageAsString() + "@" + productionWeight(sd);
    }

    static String describe(ServiceDeployment sd) {
        Double weight = productionWeight(sd);
        return "stage " + sd.lifecycleStageAsString()
                + (weight == null ? "" : ", " + weight + "% of production traffic on the new revision");
    }

    private static Double productionWeight(ServiceDeployment sd) {
        ServiceRevisionSummary target = sd.targetServiceRevision();
        return target == null ? null : target.requestedProductionTrafficWeight();
    }
}
