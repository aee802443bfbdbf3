package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.aws.AwsFailure;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRecord.RecordedEvent;
import dev.ecsdeploy.core.deploy.DeploymentRequest.AbortAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.Phase;
import dev.ecsdeploy.core.deploy.internal.Verdicts.Verdict;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;

/**
 * One poll step per call. Each step makes at most one DescribeServices or DescribeServiceDeployments call while
 * following (a verdict may add one more to collect the reason), and asks to be called again in 5 s around transitions,
 * so the budget of 12 describe calls per minute holds.
 */
final class DeploymentPoller {
    static final Duration QUICK = Duration.ofSeconds(5);
    static final Duration WAITING_FOR_OTHER = Duration.ofSeconds(15);
    static final Duration AWAITING_DECISION = Duration.ofSeconds(30);
    static final Duration LONGEST = Duration.ofSeconds(60);

    private final EcsClient ecs;
    private final Clock clock;
    private final UpdateServiceCall update;
    private final FailureDetails details;

    DeploymentPoller(EcsClient ecs, Clock clock) {
        this.ecs = ecs;
        this.clock = clock;
        this.update = new UpdateServiceCall(ecs);
        this.details = new FailureDetails(ecs);
    }

    OperationPoll<DeploymentHandle, DeploymentRecord> poll(DeploymentHandle handle, Decision decision) {
        if (handle.isDone()) {
            throw new IllegalStateException("the deployment already has its verdict; poll a running deployment");
        }
        Step step = new Step(handle.copy().countPoll().build(), clock.instant(), clock);
        try {
            if (step.now.isAfter(handle.deadline())) {
                return timeout(step);
            }
            return switch (handle.phase()) {
                case WAITING_FOR_OTHER_DEPLOYMENT -> waitForOther(step);
                case UPDATE_PENDING -> updateService(step);
                case ROLLING_OUT -> follow(step, null);
                case AWAITING_DECISION -> follow(step, decision);
                case UNCHANGED -> step.finish(handle, unchanged(handle));
                case DONE -> throw new IllegalStateException("unreachable");
            };
        } catch (SdkException e) {
            if (!isTransient(e)) {
                throw e;
            }
            // Throttling or a 5xx that outlived the SDK's retries: the deadline, not AWS's budget, decides.
            step.event(
                    ProgressEvent.Severity.DEBUG,
                    EventKinds.DEPLOY_RETRY,
                    "ECS call failed, retrying: " + e.getMessage());
            return step.next(handle.copy().countPoll().build(), QUICK);
        }
    }

    /** The verdict of a deployment that had nothing to do: the service already ran its target. */
    static Verdict unchanged(DeploymentHandle handle) {
        return new Verdict(
                DeploymentStatus.SUCCESSFUL,
                "unchanged: service already runs " + handle.newTaskDefinitionArn() + " ("
                        + String.join(
                                ", ",
                                new java.util.TreeSet<>(handle.imageDigests().values()))
                        + "); no deployment was made",
                false);
    }

    OperationPoll<DeploymentHandle, DeploymentRecord> abort(DeploymentHandle handle, String abortedBy) {
        Step step = new Step(handle, clock.instant(), clock);
        if (handle.isDone()) {
            return step.finish(handle, new Verdict(DeploymentStatus.ABORTED, "aborted after the verdict", false));
        }
        DeploymentHandle current = handle;
        if (handle.phase() == Phase.UPDATE_PENDING) {
            current = adoptIfUpdated(step, handle).orElse(handle);
        }
        String reason = "aborted by " + abortedBy;
        if (current.deploymentId() != null && handle.onAbort() == AbortAction.ROLLBACK) {
            reason += "; " + rollBack(current);
        } else if (current.deploymentId() != null) {
            reason += "; the deployment was left running";
        } else {
            reason += " before UpdateService; nothing was changed";
        }
        return step.finish(current, new Verdict(DeploymentStatus.ABORTED, reason, false));
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> waitForOther(Step step) {
        Service service = describeService(step.handle);
        Optional<DeploymentHandle> adopted = adopt(step, step.handle, service);
        if (adopted.isPresent()) {
            return step.next(adopted.get(), QUICK);
        }
        List<Deployment> busy = ServiceInspector.inProgress(service);
        if (!busy.isEmpty()) {
            step.info(
                    EventKinds.DEPLOY_PHASE,
                    "waiting for " + Verdicts.describeBusy(busy) + " to finish, until " + step.handle.deadline());
            return step.next(step.handle, WAITING_FOR_OTHER);
        }
        DeploymentHandle ready = step.handle
                .copy()
                .phase(Phase.UPDATE_PENDING)
                .known(
                        service.deployments().stream().map(Deployment::id).collect(java.util.stream.Collectors.toSet()),
                        step.handle.knownServiceDeploymentArns())
                .build();
        return updateService(step.with(ready));
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> updateService(Step step) {
        Optional<DeploymentHandle> adopted = adoptIfUpdated(step, step.handle);
        if (adopted.isPresent()) {
            return step.next(adopted.get(), QUICK);
        }
        Deployment ours = update.call(step.handle);
        DeploymentHandle started = withServiceDeployment(step.handle
                .copy()
                .phase(Phase.ROLLING_OUT)
                .deployment(ours.id(), null)
                .build());
        step.info(
                EventKinds.DEPLOY_PHASE,
                "UpdateService started deployment " + ours.id() + " of " + ours.taskDefinition()
                        + (started.serviceDeploymentArn() == null ? "" : " (" + started.serviceDeploymentArn() + ")"));
        return step.next(started, QUICK);
    }

    /**
     * Looks at the service for a deployment of our task definition that was not there when we started: the sign that
     * UpdateService already happened (a process that died before persisting the next handle).
     */
    private Optional<DeploymentHandle> adoptIfUpdated(Step step, DeploymentHandle handle) {
        return adopt(step, handle, describeService(handle));
    }

    private Optional<DeploymentHandle> adopt(Step step, DeploymentHandle handle, Service service) {
        return service.deployments().stream()
                .filter(d -> d.taskDefinition().equals(handle.newTaskDefinitionArn()))
                .filter(d -> !handle.knownDeploymentIds().contains(d.id()))
                .findFirst()
                .map(d -> {
                    step.info(EventKinds.DEPLOY_PHASE, "found deployment " + d.id() + " already started; following it");
                    return withServiceDeployment(handle.copy()
                            .phase(Phase.ROLLING_OUT)
                            .deployment(d.id(), null)
                            .build());
                });
    }

    private DeploymentHandle withServiceDeployment(DeploymentHandle handle) {
        if (handle.serviceDeploymentArn() != null || handle.serviceDeploymentsUnavailable()) {
            return handle;
        }
        List<ServiceDeploymentBrief> briefs;
        try {
            briefs = ecs.listServiceDeployments(r -> r.cluster(handle.cluster()).service(handle.service()))
                    .serviceDeployments();
        } catch (SdkException e) {
            if (AwsFailure.isUnknownOperation(e)) {
                // An endpoint without service deployments: DescribeServices' deployments[] is followed instead, and
                // the handle remembers it (a handle from before the flag learns it here, once).
                return handle.copy().serviceDeploymentsUnavailable().build();
            }
            throw e;
        }
        List<ServiceDeploymentBrief> fresh = briefs.stream()
                .filter(sd -> !handle.knownServiceDeploymentArns().contains(sd.serviceDeploymentArn()))
                .sorted(Comparator.comparing(ServiceDeploymentBrief::createdAt).reversed())
                .toList();
        return fresh.isEmpty()
                ? handle
                : handle.copy()
                        .deployment(handle.deploymentId(), fresh.get(0).serviceDeploymentArn())
                        .build();
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> follow(Step step, Decision decision) {
        DeploymentHandle handle = withServiceDeployment(step.handle);
        Step current = step.with(handle);
        if (handle.strategy().shiftsTraffic() && handle.serviceDeploymentArn() != null) {
            return followServiceDeployment(current, decision);
        }
        return followRolling(current);
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> followRolling(Step step) {
        DeploymentHandle handle = step.handle;
        Service service = describeService(handle);
        step.observed();
        DeploymentHandle reported = reportEvents(step, service);
        boolean rollback =
                handle.circuitBreaker() != null && handle.circuitBreaker().rollback();
        Verdict verdict = Verdicts.forRolling(
                service.status(),
                service.deployments(),
                handle.deploymentId(),
                handle.previousTaskDefinitionArn(),
                rollback);
        if (verdict.isFinal()) {
            return step.finish(
                    reported,
                    details.explain(reported, verdict, service, serviceDeployment(reported, verdict)),
                    service);
        }
        service.deployments().stream()
                .filter(d -> d.id().equals(handle.deploymentId()))
                .findFirst()
                .ifPresent(d -> reportProgress(step, d));
        return step.next(step.handle, QUICK);
    }

    /** ECS's own account of a failed rolling deployment (status reason, rollback), one call at the verdict. */
    private ServiceDeployment serviceDeployment(DeploymentHandle handle, Verdict verdict) {
        // Only when our deployment is gone from DescribeServices: otherwise its rolloutStateReason says it all, and
        // the extra call would break the budget of one describe call per 5 s.
        if (verdict.status() == DeploymentStatus.SUCCESSFUL
                || handle.serviceDeploymentArn() == null
                || !verdict.reason().contains(" is gone")) {
            return null;
        }
        try {
            return ecs
                    .describeServiceDeployments(r -> r.serviceDeploymentArns(handle.serviceDeploymentArn()))
                    .serviceDeployments()
                    .stream()
                    .findFirst()
                    .orElse(null);
        } catch (SdkException e) {
            return null;
        }
    }

    private void reportProgress(Step step, Deployment ours) {
        String progress = ours.runningCount() + "/" + ours.desiredCount() + " running, " + ours.pendingCount()
                + " pending, " + ours.failedTasks() + " failed";
        if (!progress.equals(step.handle.lastStage())) {
            step.info(EventKinds.DEPLOY_PROGRESS, "deployment " + ours.id() + ": " + progress);
            step.handle = step.handle.copy().stage(progress, step.now).build();
        }
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> followServiceDeployment(Step step, Decision decision) {
        DeploymentHandle handle = step.handle;
        ServiceDeployment sd = ecs.describeServiceDeployments(
                        r -> r.serviceDeploymentArns(handle.serviceDeploymentArn()))
                .serviceDeployments()
                .get(0);
        step.observed();
        Verdict verdict = Verdicts.forServiceDeployment(sd.statusAsString(), sd.statusReason());
        if (verdict.isFinal()) {
            Service service = describeService(handle);
            return step.finish(
                    reportEvents(step, service), details.explain(step.handle, verdict, service, sd), service);
        }
        reportStage(step, sd);
        Optional<DecisionPoint> awaiting = PauseHooks.awaiting(sd);
        if (awaiting.isPresent()) {
            return decide(step, awaiting.get(), decision);
        }
        if (step.handle.phase() == Phase.AWAITING_DECISION) {
            step.handle = step.handle
                    .copy()
                    .phase(Phase.ROLLING_OUT)
                    .awaitingHookId(null)
                    .build();
        }
        return step.next(step.handle, Cadence.next(step.handle, sd, step.now));
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> decide(
            Step step, DecisionPoint point, Decision decision) {
        if (decision == null) {
            if (step.handle.phase() != Phase.AWAITING_DECISION) {
                step.event(ProgressEvent.Severity.WARNING, EventKinds.DEPLOY_DECISION, point.describe());
            }
            DeploymentHandle waiting = step.handle
                    .copy()
                    .phase(Phase.AWAITING_DECISION)
                    .awaitingHookId(point.hookId())
                    .build();
            return new OperationPoll<>(waiting, step.events, AWAITING_DECISION, Optional.of(point), Optional.empty());
        }
        PauseHooks.decide(ecs, step.handle.serviceDeploymentArn(), point.hookId(), decision);
        step.info(
                EventKinds.DEPLOY_DECISION,
                decision + " sent for stage " + point.stage() + " (hook " + point.hookId() + ")");
        return step.next(
                step.handle.copy().phase(Phase.ROLLING_OUT).awaitingHookId(null).build(), QUICK);
    }

    private void reportStage(Step step, ServiceDeployment sd) {
        String stage = Cadence.stageKey(sd);
        if (!stage.equals(step.handle.lastStage())) {
            step.info(
                    EventKinds.DEPLOY_STAGE,
                    "service deployment " + sd.statusAsString() + " at " + Cadence.describe(sd));
            step.handle = step.handle.copy().stage(stage, step.now).build();
        }
    }

    private OperationPoll<DeploymentHandle, DeploymentRecord> timeout(Step step) {
        DeploymentHandle handle = step.handle;
        if (handle.phase() == Phase.UPDATE_PENDING || handle.phase() == Phase.WAITING_FOR_OTHER_DEPLOYMENT) {
            handle = adoptIfUpdated(step, handle).orElse(handle);
        }
        Service service = describeService(handle);
        String reason = "the deployment did not finish by its deadline " + handle.deadline();
        List<Deployment> busy = ServiceInspector.inProgress(service);
        if (handle.deploymentId() == null && handle.phase() == Phase.WAITING_FOR_OTHER_DEPLOYMENT && !busy.isEmpty()) {
            reason = "timed out waiting for " + Verdicts.describeBusy(busy) + " to finish by the deadline "
                    + handle.deadline() + "; UpdateService was never called, the service was not changed";
        } else if (handle.deploymentId() == null) {
            reason += "; UpdateService was never called";
        } else if (handle.onTimeout() == TimeoutAction.ROLLBACK) {
            reason += "; " + rollBack(handle);
            service = describeService(handle);
        } else {
            reason += "; the deployment was left running";
        }
        step.handle = handle;
        return step.finish(
                reportEvents(step, service),
                details.explain(handle, new Verdict(DeploymentStatus.TIMED_OUT, reason, false), service),
                service);
    }

    /** Stops our deployment with rollback, or redeploys the previous task definition; safe to repeat. */
    private String rollBack(DeploymentHandle handle) {
        if (handle.serviceDeploymentArn() != null) {
            try {
                ecs.stopServiceDeployment(r ->
                        r.serviceDeploymentArn(handle.serviceDeploymentArn()).stopType("ROLLBACK"));
                return "rollback requested (StopServiceDeployment ROLLBACK on " + handle.serviceDeploymentArn() + ")";
            } catch (EcsException e) {
                if (isTransient(e)) {
                    throw e;
                }
                return "the service deployment was no longer in flight to stop ("
                        + e.awsErrorDetails().errorMessage() + ")";
            }
        }
        Service service = describeService(handle);
        if (handle.previousTaskDefinitionArn().equals(service.taskDefinition())) {
            return "the service already runs the previous task definition " + handle.previousTaskDefinitionArn();
        }
        ecs.updateService(r -> r.cluster(handle.cluster())
                .service(handle.service())
                .taskDefinition(handle.previousTaskDefinitionArn()));
        return "rollback requested (UpdateService back to the previous task definition "
                + handle.previousTaskDefinitionArn() + ")";
    }

    private DeploymentHandle reportEvents(Step step, Service service) {
        Instant cursor = step.handle.eventCursor();
        List<ServiceEvent> fresh = service.events().stream()
                .filter(e -> cursor == null || e.createdAt().isAfter(cursor))
                .sorted(Comparator.comparing(ServiceEvent::createdAt))
                .toList();
        fresh.forEach(e -> step.events.add(new ProgressEvent(
                e.createdAt(),
                ProgressEvent.Severity.INFO,
                EventKinds.ECS_EVENT,
                e.message(),
                e.id() == null ? java.util.Map.of() : java.util.Map.of("id", e.id()))));
        if (!fresh.isEmpty()) {
            step.handle = step.handle
                    .copy()
                    .eventCursor(fresh.get(fresh.size() - 1).createdAt())
                    .build();
        }
        return step.handle;
    }

    private Service describeService(DeploymentHandle handle) {
        return ecs.describeServices(r -> r.cluster(handle.cluster()).services(handle.service())).services().stream()
                .findFirst()
                .orElseGet(() -> Service.builder()
                        .serviceName(handle.service())
                        .status("INACTIVE")
                        .build());
    }

    static boolean isTransient(SdkException e) {
        if (AwsFailure.isUnknownOperation(e)) {
            return false;
        }
        return e.retryable()
                || (e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                        && (service.isThrottlingException() || service.statusCode() >= 500));
    }

    /** The mutable state of one poll: the handle being derived and the events found. */
    private static final class Step {
        DeploymentHandle handle;
        final Instant now;
        final Clock clock;
        final List<ProgressEvent> events;

        Step(DeploymentHandle handle, Instant now, Clock clock) {
            this(handle, now, clock, new ArrayList<>());
        }

        private Step(DeploymentHandle handle, Instant now, Clock clock, List<ProgressEvent> events) {
            this.handle = handle;
            this.now = now;
            this.clock = clock;
            this.events = events;
        }

        private Instant observedAt;

        Step with(DeploymentHandle next) {
            return new Step(next, now, clock, events);
        }

        /** Marks the answer a verdict would rest on; gathering the reason afterwards does not delay the verdict. */
        void observed() {
            observedAt = clock.instant();
        }

        void info(String kind, String message) {
            event(ProgressEvent.Severity.INFO, kind, message);
        }

        void event(ProgressEvent.Severity severity, String kind, String message) {
            events.add(new ProgressEvent(now, severity, kind, message, java.util.Map.of()));
        }

        OperationPoll<DeploymentHandle, DeploymentRecord> next(DeploymentHandle next, Duration delay) {
            return new OperationPoll<>(next, events, fromObservation(delay), Optional.empty(), Optional.empty());
        }

        /**
         * Counts the delay from the describe answer, not from the end of the poll, so the cadence stays exact: two
         * describe calls are always at least {@code delay} apart, and work done after the answer does not add lag.
         */
        Duration fromObservation(Duration delay) {
            if (observedAt == null) {
                return delay;
            }
            Duration spent = Duration.between(observedAt, clock.instant());
            return spent.isNegative() || spent.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(spent);
        }

        OperationPoll<DeploymentHandle, DeploymentRecord> finish(DeploymentHandle last, Verdict verdict) {
            return finish(last, verdict, null);
        }

        /** The verdict; the record keeps the service's events since we started plus our own events of this poll. */
        OperationPoll<DeploymentHandle, DeploymentRecord> finish(
                DeploymentHandle last, Verdict verdict, Service service) {
            ProgressEvent.Severity severity = verdict.status() == DeploymentStatus.SUCCESSFUL
                    ? ProgressEvent.Severity.INFO
                    : ProgressEvent.Severity.ERROR;
            String message =
                    "deployment " + verdict.status() + (verdict.reason().isBlank() ? "" : ": " + verdict.reason());
            event(severity, EventKinds.DEPLOY_VERDICT, message);
            DeploymentHandle done = last.withPhase(Phase.DONE);
            // The verdict is as of the answer that produced it, not the start of the poll.
            Instant decidedAt = observedAt != null ? observedAt : clock.instant();
            DeploymentRecord record = new DeploymentRecord(
                    done.environment(),
                    done.cluster(),
                    done.service(),
                    done.strategy().apiName(),
                    done.previousTaskDefinitionArn(),
                    done.newTaskDefinitionArn(),
                    done.imageDigests(),
                    done.deploymentId(),
                    done.serviceDeploymentArn(),
                    verdict.status(),
                    verdict.reason(),
                    done.startedAt(),
                    decidedAt,
                    recorded(last, service),
                    verdict.details());
            return new OperationPoll<>(done, events, Duration.ZERO, Optional.empty(), Optional.of(record));
        }

        private List<RecordedEvent> recorded(DeploymentHandle last, Service service) {
            List<RecordedEvent> all = new ArrayList<>();
            if (service != null) {
                service.events().stream()
                        .filter(e -> !e.createdAt().isBefore(last.startedAt()))
                        .sorted(Comparator.comparing(ServiceEvent::createdAt))
                        .forEach(e ->
                                all.add(new RecordedEvent(e.createdAt(), "INFO", EventKinds.ECS_EVENT, e.message())));
            }
            events.stream()
                    .filter(e -> service == null || !e.kind().equals(EventKinds.ECS_EVENT))
                    .forEach(e ->
                            all.add(new RecordedEvent(e.time(), e.severity().name(), e.kind(), e.message())));
            return all;
        }
    }
}
