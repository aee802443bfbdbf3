package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ECS service scheduler: starts and stops a service's tasks within the rolling bounds, notices when a
 * deployment completes, trips the circuit breaker, rolls back, and writes the service events AWS writes. Native
 * BLUE_GREEN, LINEAR and CANARY deployments hand their stages to {@link StagedEngine}.
 */
final class ServiceScheduler {
    /** How long a new service deployment stays PENDING before it is IN_PROGRESS. */
    static final Duration PICKUP = Duration.ofSeconds(1);

    private final EcsWorld world;
    private final TaskRunner runner;
    private final StagedEngine staged;
    private final CircuitBreaker breaker;

    ServiceScheduler(EcsWorld world, TaskRunner runner) {
        this.world = world;
        this.runner = runner;
        this.staged = new StagedEngine(world, this);
        this.breaker = new CircuitBreaker(world, this);
        runner.observer(breaker);
    }

    String principal() {
        return world.principalArn();
    }

    java.time.Instant now() {
        return world.context.clock().now();
    }

    StagedEngine staged() {
        return staged;
    }

    // ---- deployments -------------------------------------------------------------------------------------------

    /** Starts a new deployment of {@code definition} (and its service deployment); older ones become ACTIVE. */
    ServiceDeployment deploy(ServiceState service, TaskDefinition definition, Instant at) {
        String revisionArn = world.arn(
                service.cluster.region,
                "service-revision/" + service.cluster.name + "/" + service.name + "/" + numericId(19));
        Deployment deployment = newDeployment(service, definition, revisionArn, at);
        List<Deployment> sources = new ArrayList<>(service.deployments);
        ServiceDeployment previous = service.currentServiceDeployment;
        if (previous != null && previous.inFlight()) {
            finish(previous, "STOPPED", "Service deployment stopped because a newer deployment started.", at);
        }
        for (Deployment old : service.deployments) {
            old.status = "ACTIVE";
            old.updatedAt = at;
        }
        service.deployments.add(0, deployment);
        ServiceDeployment sd = new ServiceDeployment(
                world.arn(
                        service.cluster.region,
                        "service-deployment/" + service.cluster.name + "/" + service.name + "/"
                                + world.context.nextHexId().substring(10)),
                service,
                at,
                deployment,
                sources,
                service.deploymentConfiguration.deepCopy());
        // As in ECS, a service deployment is PENDING until the scheduler picks it up, then IN_PROGRESS.
        sd.status = "PENDING";
        world.events.schedule(at.plus(PICKUP), due -> {
            if (sd.status.equals("PENDING")) {
                sd.status = "IN_PROGRESS";
                sd.startedAt = due;
            }
        });
        JsonNode breakerConfiguration = sd.deploymentConfiguration.path("deploymentCircuitBreaker");
        if (breakerConfiguration.path("enable").asBoolean(false)) {
            sd.breakerStatus = "MONITORING";
        }
        if (sd.deploymentConfiguration.path("alarms").path("enable").asBoolean(false)) {
            sd.alarmsStatus = "MONITORING";
        }
        sd.breakerThreshold = breaker.threshold(sd, service.desiredCount);
        deployment.serviceDeployment = sd;
        service.currentServiceDeployment = sd;
        service.steadyReported = false;
        world.serviceDeployments.put(sd.arn, sd);
        staged.begin(sd, at);
        return sd;
    }

    private Deployment newDeployment(ServiceState service, TaskDefinition definition, String revisionArn, Instant at) {
        Deployment deployment =
                new Deployment("ecs-svc/" + numericId(19), revisionArn, definition, service.desiredCount, at);
        return deployment;
    }

    private String numericId(int digits) {
        BigInteger value = new BigInteger(world.context.nextHexId(), 16);
        String text = value.mod(BigInteger.TEN.pow(digits)).toString();
        return "1".repeat(Math.max(0, digits - text.length())) + text;
    }

    /** Rolls {@code sd} back to its source revision (circuit breaker, StopServiceDeployment, hook, alarm). */
    void rollback(ServiceDeployment sd, String reason, Instant at) {
        if (sd.staged != null) {
            staged.rollback(sd, reason, at);
            return;
        }
        ServiceState service = sd.service;
        Deployment source = rollbackSource(sd);
        if (source == null) {
            finish(sd, "ROLLBACK_FAILED", reason + " No previous service revision to roll back to.", at);
            return;
        }
        Deployment back = new Deployment(
                "ecs-svc/" + numericId(19), source.revisionArn, source.taskDefinition, service.desiredCount, at);
        if (reason.equals(CircuitBreaker.REASON)) {
            back.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId " + source.id + ".";
        }
        if (sd.target.rolloutState.equals("IN_PROGRESS")) {
            sd.target.rolloutState = "FAILED";
            sd.target.rolloutStateReason = reason;
            sd.target.updatedAt = at;
        }
        back.serviceDeployment = sd;
        for (Deployment old : service.deployments) {
            old.status = "ACTIVE";
            old.updatedAt = at;
        }
        service.deployments.add(0, back);
        sd.status = "ROLLBACK_IN_PROGRESS";
        sd.statusReason = reason;
        sd.rollbackReason = reason;
        sd.rollbackStartedAt = at;
        sd.rollbackTarget = back;
        sd.updatedAt = at;
        service.steadyReported = false;
        service.event(eventId(), at, "rolling back to deployment " + source.id + ".");
    }

    /** Where a rollback goes: the last COMPLETED deployment, else the newest source revision. */
    static Deployment rollbackSource(ServiceDeployment sd) {
        Deployment lastCompleted = sd.service.lastCompleted;
        if (lastCompleted != null && lastCompleted != sd.target) {
            return lastCompleted;
        }
        return sd.sources.isEmpty() ? null : sd.sources.get(0);
    }

    void finish(ServiceDeployment sd, String status, String reason, Instant at) {
        sd.status = status;
        sd.statusReason = reason;
        sd.updatedAt = at;
        if (status.equals("STOPPED")) {
            sd.stoppedAt = at;
        } else {
            sd.finishedAt = at;
        }
        if (sd.breakerStatus.equals("MONITORING")) {
            sd.breakerStatus = "MONITORING_COMPLETE";
        }
        if (sd.alarmsStatus.equals("MONITORING")) {
            sd.alarmsStatus = "MONITORING_COMPLETE";
        }
        sd.hooks.stream().filter(h -> h.status.equals("AWAITING_ACTION")).forEach(h -> h.status = "FAILED");
    }

    /**
     * A CloudWatch alarm went into ALARM: every in-flight deployment that monitors it fails, and rolls back when its
     * {@code alarms.rollback} is set.
     */
    void alarm(String alarmName, Instant at) {
        for (ServiceState service : world.services.values()) {
            ServiceDeployment sd = service.currentServiceDeployment;
            JsonNode alarms = sd == null ? null : sd.deploymentConfiguration.path("alarms");
            boolean monitored = sd != null
                    && sd.inFlight()
                    && !sd.rollingBack()
                    && alarms.path("enable").asBoolean(false)
                    && alarms.path("alarmNames").toString().contains("\"" + alarmName + "\"");
            if (!monitored) {
                continue;
            }
            String reason = "ECS deployment alarms: alarm " + alarmName + " is in ALARM state.";
            sd.alarmsStatus = "TRIGGERED";
            sd.triggeredAlarms.add(alarmName);
            sd.target.rolloutState = "FAILED";
            sd.target.rolloutStateReason = reason;
            sd.target.updatedAt = at;
            service.event(eventId(), at, "(deployment " + sd.target.id + ") deployment failed: alarm detected.");
            if (alarms.path("rollback").asBoolean(false)) {
                rollback(sd, reason, at);
            } else {
                finish(sd, "STOPPED", reason, at);
            }
            reconcile(service, at);
        }
    }

    // ---- reconciliation ----------------------------------------------------------------------------------------

    void reconcileAll(Instant at) {
        for (ServiceState service : List.copyOf(world.services.values())) {
            reconcile(service, at);
        }
    }

    void reconcile(ServiceState service, Instant at) {
        if (service.status.equals("INACTIVE")) {
            return;
        }
        if (service.status.equals("DRAINING")) {
            drain(service, at);
            return;
        }
        ServiceDeployment sd = service.currentServiceDeployment;
        if (staged.owns(sd)) {
            staged.reconcile(sd, at);
        } else {
            roll(service, at);
        }
        checkCompleted(service, at);
    }

    private void drain(ServiceState service, Instant at) {
        List<EcsTask> stopped = new ArrayList<>();
        for (EcsTask task : tasksOf(service)) {
            if (task.live()) {
                runner.stop(
                        task,
                        at,
                        "ServiceSchedulerInitiated",
                        "Scaling activity initiated by (deployment " + service.primary().id + ")");
                stopped.add(task);
            }
        }
        reportStopped(service, stopped, at);
        if (tasksOf(service).stream().allMatch(EcsTask::stopped)) {
            service.status = "INACTIVE";
            service.deployments.forEach(d -> d.status = "INACTIVE");
            // "When you delete a service, Amazon ECS deletes the corresponding service deployments."
            world.serviceDeployments.values().removeIf(sd -> sd.service == service);
        }
    }

    private void roll(ServiceState service, Instant at) {
        Deployment primary = service.primary();
        primary.desiredCount = service.desiredCount;
        if (primary.failed()) {
            return;
        }
        JsonNode configuration = service.deploymentConfiguration;
        RollingMath math = new RollingMath(
                service.desiredCount,
                configuration.path("minimumHealthyPercent").asInt(100),
                configuration.path("maximumPercent").asInt(200));
        List<EcsTask> stopped = new ArrayList<>();
        for (EcsTask task : tasksOf(service)) {
            if (task.live() && task.deployment != primary && !task.healthy()) {
                stopped.add(stopForScaling(task, primary, at));
            }
        }
        List<EcsTask> primaryTasks = live(service, primary);
        primaryTasks.sort(Comparator.comparing(EcsTask::healthy));
        for (int i = 0; i < primaryTasks.size() - service.desiredCount; i++) {
            stopped.add(stopForScaling(primaryTasks.get(i), primary, at));
        }
        long healthy = tasksOf(service).stream().filter(EcsTask::healthy).count();
        for (EcsTask task : tasksOf(service)) {
            if (task.healthy() && task.deployment != primary && healthy - 1 >= math.minimumHealthy()) {
                stopped.add(stopForScaling(task, primary, at));
                healthy--;
            }
        }
        reportStopped(service, stopped, at);
        long liveCount = tasksOf(service).stream().filter(EcsTask::live).count();
        long primaryLive = live(service, primary).size();
        long toStart = Math.min(service.desiredCount - primaryLive, math.maximumTasks() - liveCount);
        start(service, primary, (int) toStart, at);
    }

    /** Starts {@code count} tasks of {@code deployment} and writes the "has started" event. */
    void start(ServiceState service, Deployment deployment, int count, Instant at) {
        if (count <= 0) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EcsTask task = runner.launch(
                    service.cluster,
                    deployment.taskDefinition,
                    "service:" + service.name,
                    deployment.id,
                    service.launchType,
                    noOverrides(),
                    at);
            task.service = service;
            task.deployment = deployment;
            ids.add("(task " + task.id + ")");
        }
        deployment.updatedAt = at;
        service.steadyReported = false;
        service.event(eventId(), at, "has started " + count + " tasks: " + String.join(" ", ids) + ".");
    }

    EcsTask stopForScaling(EcsTask task, Deployment primary, Instant at) {
        runner.stop(
                task, at, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment " + primary.id + ")");
        return task;
    }

    void reportStopped(ServiceState service, List<EcsTask> stopped, Instant at) {
        if (stopped.isEmpty()) {
            return;
        }
        service.steadyReported = false;
        List<String> ids = stopped.stream().map(t -> "(task " + t.id + ")").toList();
        service.event(
                eventId(), at, "has stopped " + stopped.size() + " running tasks: " + String.join(" ", ids) + ".");
    }

    /** Older deployments leave {@code deployments[]} once the primary settled and they have no tasks left. */
    private void dropDrained(ServiceState service, Instant at) {
        Deployment primary = service.primary();
        List<Deployment> drained = new ArrayList<>();
        for (Deployment deployment : service.deployments) {
            if (deployment != primary && live(service, deployment).isEmpty() && !staged.keeps(service, deployment)) {
                drained.add(deployment);
            }
        }
        for (Deployment deployment : drained) {
            deployment.status = "INACTIVE";
            deployment.updatedAt = at;
            service.deployments.remove(deployment);
        }
    }

    private void checkCompleted(ServiceState service, Instant at) {
        Deployment primary = service.primary();
        boolean othersDrained = service.deployments.stream()
                .allMatch(d -> d == primary || (live(service, d).isEmpty() && !staged.keeps(service, d)));
        boolean settled = othersDrained
                && live(service, primary).size() == service.desiredCount
                && live(service, primary).stream().allMatch(EcsTask::healthy);
        if (!settled || primary.failed()) {
            return;
        }
        if (primary.rolloutState.equals("IN_PROGRESS") && staged.mayComplete(primary)) {
            complete(service, primary, at);
        }
        if (primary.rolloutState.equals("COMPLETED")) {
            dropDrained(service, at);
            if (!service.steadyReported) {
                service.steadyReported = true;
                service.event(eventId(), at, "has reached a steady state.");
            }
        }
    }

    private void complete(ServiceState service, Deployment primary, Instant at) {
        primary.rolloutState = "COMPLETED";
        primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
        primary.updatedAt = at;
        service.lastCompleted = primary;
        service.event(eventId(), at, "(deployment " + primary.id + ") deployment completed.");
        ServiceDeployment sd = primary.serviceDeployment;
        if (sd == null || !sd.inFlight()) {
            return;
        }
        if (sd.rollingBack() && sd.rollbackTarget == primary) {
            finish(sd, "ROLLBACK_SUCCESSFUL", sd.statusReason, at);
        } else if (sd.target == primary) {
            finish(sd, "SUCCESSFUL", null, at);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    List<EcsTask> tasksOf(ServiceState service) {
        List<EcsTask> list = new ArrayList<>();
        for (EcsTask task : world.tasks.values()) {
            if (task.service == service) {
                list.add(task);
            }
        }
        return list;
    }

    List<EcsTask> live(ServiceState service, Deployment deployment) {
        List<EcsTask> list = new ArrayList<>();
        for (EcsTask task : tasksOf(service)) {
            if (task.deployment == deployment && task.live()) {
                list.add(task);
            }
        }
        return list;
    }

    String eventId() {
        String hex = world.context.nextHexId();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    private static ObjectNode noOverrides() {
        ObjectNode overrides = JsonNodeFactory.instance.objectNode();
        overrides.putArray("containerOverrides");
        overrides.putArray("inferenceAcceleratorOverrides");
        return overrides;
    }
}
