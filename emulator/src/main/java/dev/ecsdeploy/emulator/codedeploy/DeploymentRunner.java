package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.codedeploy.BlueGreenDeployment.LifecycleEvent;
import dev.ecsdeploy.emulator.ecs.EcsTaskSets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Moves deployments through the ECS lifecycle on the emulator's clock: hooks, the replacement task set, test and
 * production traffic, the ready wait, the blue termination wait, failures, stops and rollbacks. Every transition
 * happens at its due time, so a clock jump replays them in order.
 */
final class DeploymentRunner {
    /** How long a simulated hook function runs before it reports its result. */
    static final Duration HOOK_TIME = Duration.ofSeconds(10);
    /** How often the Install event checks whether the replacement task set is steady. */
    static final Duration INSTALL_CHECK = Duration.ofSeconds(5);
    /** How long a rollback deployment takes once traffic is back on the original task set. */
    static final Duration ROLLBACK_TIME = Duration.ofSeconds(10);

    private final EcsTaskSets ecs;
    private final Traffic traffic;
    private final Map<String, String> hookResults;
    private final Function<BlueGreenDeployment, BlueGreenDeployment> rollbackFactory;

    DeploymentRunner(
            EcsTaskSets ecs,
            Traffic traffic,
            Map<String, String> hookResults,
            Function<BlueGreenDeployment, BlueGreenDeployment> rollbackFactory) {
        this.ecs = ecs;
        this.traffic = traffic;
        this.hookResults = hookResults;
        this.rollbackFactory = rollbackFactory;
    }

    void advance(BlueGreenDeployment d, Instant now) {
        while (d.active() && d.nextAt != null && !d.nextAt.isAfter(now)) {
            Instant at = d.nextAt;
            d.nextAt = null;
            if (d.rollbackOf != null) {
                rollbackStep(d, at);
            } else {
                step(d, at);
            }
        }
    }

    private void step(BlueGreenDeployment d, Instant at) {
        if (d.stage < 0) {
            d.status = "InProgress";
            d.startTime = at;
            next(d, at);
            return;
        }
        switch (d.stageName()) {
            case "Install" -> install(d, at);
            case "AllowTestTraffic" -> {
                route(d, d.group.testListeners(), d.greenTargetGroup, 100);
                succeed(d.events.get("AllowTestTraffic"), at);
                next(d, at);
            }
            case "Ready" -> readyWaitOver(d, at);
            case "AllowTraffic" -> shiftTraffic(d, at);
            case "Termination" -> terminateBlue(d, at);
            default -> hook(d, at);
        }
    }

    /** Moves to the next stage and starts it at once. */
    private void next(BlueGreenDeployment d, Instant at) {
        d.stage++;
        String stage = d.stageName();
        LifecycleEvent event = d.events.get(stage);
        if (event != null) {
            event.status = "InProgress";
            event.startTime = at;
        }
        if (stage.equals("Ready")) {
            enterReadyWait(d, at);
        } else if (stage.equals("Termination")) {
            enterTerminationWait(d, at);
        } else {
            d.nextAt = at;
            if (event != null && d.appSpec.hooks().containsKey(stage)) {
                d.nextAt = at.plus(HOOK_TIME);
            }
        }
    }

    private void hook(BlueGreenDeployment d, Instant at) {
        String stage = d.stageName();
        LifecycleEvent event = d.events.get(stage);
        String function = d.appSpec.hooks().get(stage);
        if (function != null && "Failed".equals(hookResults.get(function))) {
            event.status = "Failed";
            event.endTime = at;
            event.diagnostics = JsonNodeFactory.instance
                    .objectNode()
                    .put("errorCode", "ScriptFailed")
                    .put("scriptName", function)
                    .put("message", "The Lambda function " + function + " reported Failed")
                    .put("logTail", "");
            boolean rollback = !stage.equals("BeforeInstall") && d.rollsBackOn("DEPLOYMENT_FAILURE");
            end(
                    d,
                    at,
                    "Failed",
                    "HOOK_EXECUTION_FAILURE",
                    "The deployment failed because the " + stage + " lifecycle event hook " + function + " failed.",
                    rollback);
            return;
        }
        succeed(event, at);
        next(d, at);
    }

    private void install(BlueGreenDeployment d, Instant at) {
        LifecycleEvent event = d.events.get("Install");
        if (d.greenTaskSet == null) {
            Optional<EcsTaskSets.ServiceView> service = ecs.service(d.region, d.group.cluster(), d.group.service(), at);
            if (service.isEmpty() || !service.get().controller().equals("CODE_DEPLOY")) {
                end(
                        d,
                        at,
                        "Failed",
                        "INVALID_ECS_SERVICE",
                        "The ECS service " + d.group.service()
                                + " does not exist or does not use the CODE_DEPLOY deployment controller.",
                        false);
                return;
            }
            if (!ecs.taskDefinitionExists(d.region, d.appSpec.taskDefinition())) {
                end(
                        d,
                        at,
                        "Failed",
                        "ECS_UPDATE_ERROR",
                        "The ECS service cannot be updated: task definition " + d.appSpec.taskDefinition()
                                + " does not exist or is inactive.",
                        false);
                return;
            }
            d.blueTaskSet = service.get().primaryTaskSetId();
            d.blueTargetGroup = traffic.serving(d.group);
            d.greenTargetGroup = d.group.targetGroups().stream()
                    .filter(t -> !t.equals(d.blueTargetGroup))
                    .findFirst()
                    .orElseThrow();
            d.greenTaskSet = ecs.createTaskSet(
                    d.region,
                    d.group.cluster(),
                    d.group.service(),
                    d.appSpec.taskDefinition(),
                    d.appSpec.containerName(),
                    d.appSpec.containerPort(),
                    d.greenTargetGroup,
                    at);
        }
        boolean steady = ecs.taskSet(d.region, d.group.cluster(), d.group.service(), d.greenTaskSet, at)
                .map(EcsTaskSets.TaskSetView::steady)
                .orElse(false);
        if (!steady) {
            d.nextAt = at.plus(INSTALL_CHECK);
            return;
        }
        succeed(event, at);
        next(d, at);
    }

    /**
     * STOP_DEPLOYMENT waits in Ready for ContinueDeployment and stops the deployment when the wait runs out; a wait
     * with CONTINUE_DEPLOYMENT (the ECS console's "specify when to reroute traffic") reroutes when it runs out.
     */
    private void enterReadyWait(BlueGreenDeployment d, Instant at) {
        JsonNode option = d.group.readyOption();
        String action = option.path("actionOnTimeout").asText("CONTINUE_DEPLOYMENT");
        int minutes = option.path("waitTimeInMinutes").asInt(0);
        if (action.equals("CONTINUE_DEPLOYMENT") && minutes == 0) {
            next(d, at);
            return;
        }
        d.status = "Ready";
        d.waitUntil = at.plus(Duration.ofMinutes(minutes));
        d.nextAt = d.waitUntil;
    }

    private void readyWaitOver(BlueGreenDeployment d, Instant at) {
        if (d.group.readyOption().path("actionOnTimeout").asText("").equals("STOP_DEPLOYMENT")) {
            end(
                    d,
                    at,
                    "Stopped",
                    "TIMEOUT",
                    "The deployment timed out while waiting for traffic to be rerouted"
                            + " (deploymentReadyOption STOP_DEPLOYMENT).",
                    true);
            return;
        }
        continueFromReady(d, at);
    }

    /** ContinueDeployment with READY_WAIT, or the end of a CONTINUE_DEPLOYMENT wait. */
    void continueFromReady(BlueGreenDeployment d, Instant at) {
        d.status = "InProgress";
        d.waitUntil = null;
        next(d, at);
    }

    private void shiftTraffic(BlueGreenDeployment d, Instant at) {
        int percent = d.shift.steps().get(d.shiftStep);
        route(d, d.group.productionListeners(), d.greenTargetGroup, percent);
        d.shiftStep++;
        if (percent < 100) {
            d.nextAt = at.plus(d.shift.interval());
            return;
        }
        ecs.makePrimary(d.region, d.group.cluster(), d.group.service(), d.greenTaskSet, at);
        succeed(d.events.get("AllowTraffic"), at);
        next(d, at);
    }

    private void enterTerminationWait(BlueGreenDeployment d, Instant at) {
        JsonNode termination = d.group.termination();
        d.terminationWaitStarted =
                !termination.path("action").asText("TERMINATE").equals("KEEP_ALIVE");
        d.waitUntil = at.plus(Duration.ofMinutes(
                termination.path("terminationWaitTimeInMinutes").asInt(0)));
        d.nextAt = d.waitUntil;
    }

    /** The end of the termination wait, or ContinueDeployment with TERMINATION_WAIT. */
    void terminateBlue(BlueGreenDeployment d, Instant at) {
        if (d.terminationWaitStarted && d.blueTaskSet != null) {
            ecs.deleteTaskSet(d.region, d.group.cluster(), d.group.service(), d.blueTaskSet, at);
        }
        d.waitUntil = null;
        d.nextAt = null;
        d.status = "Succeeded";
        d.completeTime = at;
    }

    /** Ends {@code d} as Failed or Stopped; with {@code rollback}, a rollback deployment restores the original. */
    void end(BlueGreenDeployment d, Instant at, String status, String code, String message, boolean rollback) {
        d.status = status;
        d.completeTime = at;
        d.nextAt = null;
        d.waitUntil = null;
        d.errorInformation =
                JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
        d.events.values().stream()
                .filter(e -> e.status.equals("InProgress") || e.status.equals("Pending"))
                .forEach(e -> {
                    e.status = e.status.equals("InProgress")
                            ? (status.equals("Stopped") ? "Unknown" : "Failed")
                            : "Skipped";
                    e.endTime = e.startTime == null ? null : at;
                });
        if (rollback && d.greenTaskSet != null) {
            BlueGreenDeployment rollbackDeployment = rollbackFactory.apply(d);
            rollbackDeployment.rollbackOf = d;
            rollbackDeployment.nextAt = at;
            d.rollbackInfo = JsonNodeFactory.instance
                    .objectNode()
                    .put("rollbackDeploymentId", rollbackDeployment.id)
                    .put(
                            "rollbackMessage",
                            "Deployment " + d.id + " was rolled back by " + rollbackDeployment.id + ": " + message);
        }
    }

    /** A rollback deployment: production and test traffic back to the original task set, replacement removed. */
    private void rollbackStep(BlueGreenDeployment r, Instant at) {
        BlueGreenDeployment failed = r.rollbackOf;
        if (r.startTime == null) {
            r.status = "InProgress";
            r.startTime = at;
            r.blueTaskSet = failed.blueTaskSet;
            r.greenTaskSet = failed.greenTaskSet;
            r.blueTargetGroup = failed.blueTargetGroup;
            r.greenTargetGroup = failed.greenTargetGroup;
            r.events.values().forEach(e -> e.startTime = at);
            route(r, r.group.productionListeners(), r.greenTargetGroup, 0);
            route(r, r.group.testListeners(), r.greenTargetGroup, 0);
            if (r.blueTaskSet != null) {
                ecs.makePrimary(r.region, r.group.cluster(), r.group.service(), r.blueTaskSet, at);
            }
            ecs.deleteTaskSet(r.region, r.group.cluster(), r.group.service(), r.greenTaskSet, at);
            r.nextAt = at.plus(ROLLBACK_TIME);
            return;
        }
        r.events.values().forEach(e -> succeed(e, at));
        r.status = "Succeeded";
        r.completeTime = at;
    }

    private void route(BlueGreenDeployment d, java.util.List<String> listeners, String green, int greenPercent) {
        String blue = green.equals(d.greenTargetGroup) ? d.blueTargetGroup : d.greenTargetGroup;
        listeners.forEach(listener -> traffic.forward(listener, blue, 100 - greenPercent, green, greenPercent));
    }

    private static void succeed(LifecycleEvent event, Instant at) {
        if (event.startTime == null) {
            event.startTime = at;
        }
        event.status = "Succeeded";
        event.endTime = at;
    }

    static ObjectNode render(LifecycleEvent event) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("lifecycleEventName", event.name);
        json.put("status", event.status);
        Json.time(json, "startTime", event.startTime);
        Json.time(json, "endTime", event.endTime);
        if (event.diagnostics != null) {
            json.set("diagnostics", event.diagnostics);
        }
        return json;
    }
}
