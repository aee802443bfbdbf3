package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives BLUE_GREEN, LINEAR and CANARY service deployments through their lifecycle stages in AWS's order: the green
 * revision scales up beside the blue one, test traffic then production traffic shift to it (in one step, in canary
 * steps or in linear steps, with their bake times), the deployment bakes, and CLEAN_UP stops the blue tasks. Hooks
 * run at stage entry; a PAUSE hook holds its stage AWAITING_ACTION until ContinueServiceDeployment or its timeout.
 * A rollback shifts traffic back to blue (still running) and stops the green tasks.
 */
final class StagedEngine {
    /** Every stage lasts at least this long, so a poller can watch the stages go by. */
    static final Duration STAGE_DWELL = Duration.ofSeconds(5);

    private final EcsWorld world;
    private final ServiceScheduler scheduler;

    StagedEngine(EcsWorld world, ServiceScheduler scheduler) {
        this.world = world;
        this.scheduler = scheduler;
    }

    void begin(ServiceDeployment sd, Instant at) {
        JsonNode configuration = sd.deploymentConfiguration;
        String strategy = configuration.path("strategy").asText("ROLLING");
        if (strategy.equals("ROLLING") || sd.sources.isEmpty()) {
            // A new service has no blue revision to shift traffic from: its first deployment simply scales up.
            return;
        }
        long activeRevisions = sd.sources.size();
        Duration stepBake = Duration.ZERO;
        double canary =
                configuration.path("canaryConfiguration").path("canaryPercent").asDouble(5.0);
        double step =
                configuration.path("linearConfiguration").path("stepPercent").asDouble(10.0);
        if (strategy.equals("CANARY")) {
            stepBake = minutes(configuration
                    .path("canaryConfiguration")
                    .path("canaryBakeTimeInMinutes")
                    .asInt(10));
        } else if (strategy.equals("LINEAR")) {
            stepBake = minutes(configuration
                    .path("linearConfiguration")
                    .path("stepBakeTimeInMinutes")
                    .asInt(6));
        }
        sd.staged = new StagedRollout(
                strategy,
                StagedRollout.stagesFor(activeRevisions > 1),
                StagedRollout.productionSteps(strategy, canary, step),
                stepBake,
                minutes(configuration.path("bakeTimeInMinutes").asInt(0)),
                at);
        enter(sd, at);
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** True while this engine, not the rolling scheduler, decides the service's tasks. */
    boolean owns(ServiceDeployment sd) {
        return sd != null && sd.staged != null && sd.inFlight();
    }

    boolean keeps(ServiceState service, Deployment deployment) {
        ServiceDeployment sd = service.currentServiceDeployment;
        return owns(sd) && (sd.sources.contains(deployment) || sd.target == deployment);
    }

    boolean mayComplete(Deployment primary) {
        ServiceDeployment sd = primary.serviceDeployment;
        return !owns(sd);
    }

    // ---- forward -------------------------------------------------------------------------------------------------

    void reconcile(ServiceDeployment sd, Instant at) {
        StagedRollout rollout = sd.staged;
        if (rollout.rollingBack) {
            reconcileRollback(sd, at);
            return;
        }
        ServiceState service = sd.service;
        sd.target.desiredCount = service.desiredCount;
        scaleGreen(sd, at);
        while (sd.inFlight() && !rollout.rollingBack && stageDone(sd, at)) {
            if (rollout.last()) {
                complete(sd, at);
                return;
            }
            rollout.index++;
            rollout.enteredAt = at;
            enter(sd, at);
            scaleGreen(sd, at);
        }
    }

    /** From SCALE_UP on, the green revision runs its full desired count beside the blue one. */
    private void scaleGreen(ServiceDeployment sd, Instant at) {
        StagedRollout rollout = sd.staged;
        Deployment green = sd.target;
        if (rollout.rollingBack || green.failed() || rollout.index < rollout.stages.indexOf("SCALE_UP")) {
            return;
        }
        int missing =
                sd.service.desiredCount - scheduler.live(sd.service, green).size();
        scheduler.start(sd.service, green, missing, at);
    }

    private void enter(ServiceDeployment sd, Instant at) {
        StagedRollout rollout = sd.staged;
        sd.lifecycleStage = rollout.reportedStage();
        sd.updatedAt = at;
        world.events.schedule(at.plus(dwell(rollout)), due -> {});
        switch (rollout.stage()) {
            case "TEST_TRAFFIC_SHIFT" -> sd.testWeight = 100;
            case "PRODUCTION_TRAFFIC_SHIFT" -> shiftProduction(sd, 0, at);
            case "BAKE_TIME" -> world.events.schedule(at.plus(rollout.bakeTime), due -> {});
            case "CLEAN_UP" -> stopBlue(sd, at);
            default -> {}
        }
        startHooks(sd, rollout.stage(), at);
    }

    private static Duration dwell(StagedRollout rollout) {
        return rollout.stage().equals(StagedRollout.PRE_PRODUCTION) ? Duration.ZERO : STAGE_DWELL;
    }

    private void shiftProduction(ServiceDeployment sd, int step, Instant at) {
        StagedRollout rollout = sd.staged;
        rollout.stepIndex = step;
        sd.productionWeight = rollout.productionSteps.get(step);
        sd.updatedAt = at;
        boolean more = step < rollout.productionSteps.size() - 1;
        rollout.nextStepAt = more ? at.plus(rollout.stepBake) : null;
        if (more) {
            world.events.schedule(rollout.nextStepAt, due -> {
                if (sd.inFlight() && !rollout.rollingBack && rollout.stepIndex == step) {
                    shiftProduction(sd, step + 1, due);
                }
            });
        }
    }

    private boolean stageDone(ServiceDeployment sd, Instant at) {
        StagedRollout rollout = sd.staged;
        boolean hooksDone = sd.hooks.stream()
                .filter(h -> h.stage.equals(rollout.stage()))
                .noneMatch(h -> h.status.equals("AWAITING_ACTION"));
        if (!hooksDone || at.isBefore(rollout.enteredAt.plus(dwell(rollout)))) {
            return false;
        }
        ServiceState service = sd.service;
        return switch (rollout.stage()) {
            case "SCALE_UP" -> {
                List<EcsTask> green = scheduler.live(service, sd.target);
                yield green.size() == service.desiredCount && green.stream().allMatch(EcsTask::healthy);
            }
            case "PRODUCTION_TRAFFIC_SHIFT" -> sd.productionWeight >= 100.0;
            case "BAKE_TIME" -> !at.isBefore(rollout.enteredAt.plus(rollout.bakeTime));
            case "CLEAN_UP" ->
                sd.sources.stream().allMatch(d -> scheduler.live(service, d).isEmpty());
            default -> true;
        };
    }

    private void stopBlue(ServiceDeployment sd, Instant at) {
        List<EcsTask> stopped = new ArrayList<>();
        for (Deployment blue : sd.sources) {
            for (EcsTask task : scheduler.live(sd.service, blue)) {
                stopped.add(scheduler.stopForScaling(task, sd.target, at));
            }
        }
        scheduler.reportStopped(sd.service, stopped, at);
    }

    private void complete(ServiceDeployment sd, Instant at) {
        Deployment green = sd.target;
        green.rolloutState = "COMPLETED";
        green.rolloutStateReason = "ECS deployment " + green.id + " completed.";
        green.updatedAt = at;
        sd.service.lastCompleted = green;
        sd.service.event(scheduler.eventId(), at, "(deployment " + green.id + ") deployment completed.");
        scheduler.finish(sd, "SUCCESSFUL", null, at);
    }

    // ---- hooks ---------------------------------------------------------------------------------------------------

    private void startHooks(ServiceDeployment sd, String stage, Instant at) {
        for (JsonNode hook : sd.deploymentConfiguration.path("lifecycleHooks")) {
            boolean here = false;
            for (JsonNode s : hook.path("lifecycleStages")) {
                here |= s.asText().equals(stage);
            }
            if (!here) {
                continue;
            }
            String type = hook.path("targetType").asText("AWS_LAMBDA");
            JsonNode timeout = hook.path("timeoutConfiguration");
            String action = timeout.path("action").asText("ROLLBACK");
            Instant expiresAt =
                    at.plus(Duration.ofMinutes(timeout.path("timeoutInMinutes").asInt(1440)));
            String prefix = type.equals("PAUSE") ? "ecs-pause-" : "ecs-lambda-";
            ServiceDeployment.HookRun run =
                    new ServiceDeployment.HookRun(prefix + world.context.nextHexId(), type, stage, action, expiresAt);
            if (type.equals("AWS_LAMBDA")) {
                // The emulator runs no Lambda functions: a Lambda hook answers SUCCEEDED at once.
                run.status = "SUCCEEDED";
            } else {
                world.events.schedule(expiresAt, due -> {
                    if (run.status.equals("AWAITING_ACTION") && sd.inFlight()) {
                        resolveHook(sd, run, action, true, due);
                    }
                });
            }
            sd.hooks.add(run);
        }
    }

    void resolveHook(
            ServiceDeployment sd, ServiceDeployment.HookRun hook, String action, boolean timedOut, Instant at) {
        sd.updatedAt = at;
        if (action.equals("CONTINUE")) {
            hook.status = timedOut ? "TIMED_OUT" : "SUCCEEDED";
            return;
        }
        hook.status = timedOut ? "TIMED_OUT" : "FAILED";
        String reason = timedOut
                ? "Lifecycle hook " + hook.hookId + " timed out."
                : "Rollback requested for lifecycle hook " + hook.hookId + ".";
        scheduler.rollback(sd, reason, at);
    }

    // ---- rollback ------------------------------------------------------------------------------------------------

    void rollback(ServiceDeployment sd, String reason, Instant at) {
        StagedRollout rollout = sd.staged;
        ServiceState service = sd.service;
        Deployment green = sd.target;
        Deployment blue = ServiceScheduler.rollbackSource(sd);
        if (blue == null) {
            scheduler.finish(sd, "ROLLBACK_FAILED", reason + " No previous service revision to roll back to.", at);
            return;
        }
        rollout.rollingBack = true;
        sd.status = "ROLLBACK_IN_PROGRESS";
        sd.statusReason = reason;
        sd.rollbackReason = reason;
        sd.rollbackStartedAt = at;
        sd.rollbackTarget = blue;
        sd.productionWeight = 0;
        sd.testWeight = 0;
        sd.updatedAt = at;
        sd.hooks.stream().filter(h -> h.status.equals("AWAITING_ACTION")).forEach(h -> h.status = "FAILED");
        if (green.rolloutState.equals("IN_PROGRESS")) {
            green.rolloutState = "FAILED";
            green.rolloutStateReason = reason;
        }
        green.status = "ACTIVE";
        green.updatedAt = at;
        List<EcsTask> stopped = new ArrayList<>();
        service.deployments.remove(blue);
        service.deployments.add(0, blue);
        for (Deployment other : sd.sources) {
            if (other != blue) {
                for (EcsTask task : scheduler.live(service, other)) {
                    stopped.add(scheduler.stopForScaling(task, blue, at));
                }
            }
        }
        blue.status = "PRIMARY";
        blue.updatedAt = at;
        for (EcsTask task : scheduler.live(service, green)) {
            stopped.add(scheduler.stopForScaling(task, blue, at));
        }
        scheduler.reportStopped(service, stopped, at);
        service.steadyReported = false;
        service.event(scheduler.eventId(), at, "rolling back to deployment " + blue.id + ".");
    }

    private void reconcileRollback(ServiceDeployment sd, Instant at) {
        ServiceState service = sd.service;
        Deployment blue = sd.rollbackTarget;
        blue.desiredCount = service.desiredCount;
        int missing = service.desiredCount - scheduler.live(service, blue).size();
        scheduler.start(service, blue, missing, at);
        boolean greenGone = scheduler.live(service, sd.target).isEmpty();
        List<EcsTask> blueTasks = scheduler.live(service, blue);
        boolean blueReady =
                blueTasks.size() == service.desiredCount && blueTasks.stream().allMatch(EcsTask::healthy);
        if (greenGone && blueReady) {
            scheduler.finish(sd, "ROLLBACK_SUCCESSFUL", sd.statusReason, at);
            service.lastCompleted = blue;
        }
    }
}
