package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The deployment circuit breaker: counts a deployment's failed tasks (failed to start, crashed, failed health
 * checks), resets on a healthy task unless told otherwise, and at the threshold fails the deployment and rolls it
 * back when {@code rollback} is set.
 */
final class CircuitBreaker implements TaskObserver {
    static final String REASON = "ECS deployment circuit breaker: tasks failed to start.";

    private final EcsWorld world;
    private final ServiceScheduler scheduler;

    CircuitBreaker(EcsWorld world, ServiceScheduler scheduler) {
        this.world = world;
        this.scheduler = scheduler;
    }

    int threshold(ServiceDeployment sd, int desired) {
        JsonNode configuration =
                sd.deploymentConfiguration.path("deploymentCircuitBreaker").path("thresholdConfiguration");
        return RollingMath.breakerThreshold(
                desired,
                configuration.path("type").asText("BOUNDED_PERCENT"),
                configuration.path("value").asInt(50),
                world.circuitBreakerMinimumThreshold);
    }

    @Override
    public void taskFailed(EcsTask task, Instant at) {
        Deployment deployment = task.deployment;
        if (deployment == null || task.service == null) {
            return;
        }
        deployment.failedTasks++;
        deployment.breakerFailures++;
        deployment.updatedAt = at;
        if (task.stopCode.equals("ServiceSchedulerInitiated")) {
            task.service.event(
                    scheduler.eventId(), at, "(task " + task.id + ") " + healthWording(task.stoppedReason) + ".");
        }
        ServiceDeployment sd = deployment.serviceDeployment;
        boolean breakerOn = sd != null && !sd.breakerStatus.equals("DISABLED");
        if (!breakerOn || !deployment.rolloutState.equals("IN_PROGRESS") || task.service.primary() != deployment) {
            return;
        }
        sd.breakerThreshold = threshold(sd, task.service.desiredCount);
        if (deployment.breakerFailures >= sd.breakerThreshold) {
            trip(task.service, deployment, sd, at);
        }
    }

    private static String healthWording(String stoppedReason) {
        return stoppedReason.startsWith("Task failed ")
                ? "failed " + stoppedReason.substring("Task failed ".length())
                : stoppedReason;
    }

    @Override
    public void taskHealthy(EcsTask task, Instant at) {
        Deployment deployment = task.deployment;
        if (deployment == null || deployment.serviceDeployment == null) {
            return;
        }
        JsonNode breaker = deployment.serviceDeployment.deploymentConfiguration.path("deploymentCircuitBreaker");
        if (breaker.path("resetOnHealthyTask").asBoolean(true)) {
            deployment.breakerFailures = 0;
        }
    }

    private void trip(ServiceState service, Deployment deployment, ServiceDeployment sd, Instant at) {
        deployment.rolloutState = "FAILED";
        deployment.rolloutStateReason = REASON;
        deployment.updatedAt = at;
        sd.breakerStatus = "TRIGGERED";
        service.event(
                scheduler.eventId(),
                at,
                "(deployment " + deployment.id + ") deployment failed: tasks failed to start.");
        boolean inRollback = sd.rollingBack();
        if (inRollback) {
            scheduler.finish(sd, "ROLLBACK_FAILED", REASON, at);
            return;
        }
        boolean rollback = sd.deploymentConfiguration
                .path("deploymentCircuitBreaker")
                .path("rollback")
                .asBoolean(false);
        if (rollback) {
            scheduler.rollback(sd, REASON, at);
        } else {
            scheduler.finish(sd, "STOPPED", REASON, at);
        }
    }
}
