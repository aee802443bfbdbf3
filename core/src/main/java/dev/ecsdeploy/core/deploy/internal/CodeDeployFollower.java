package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRecord.RecordedEvent;
import dev.ecsdeploy.core.deploy.DeploymentRequest.AbortAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployHandle;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployHandle.Phase;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentAlreadyCompletedException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentIsNotInReadyStateException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentLimitExceededException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentTargetDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentWaitType;
import software.amazon.awssdk.services.codedeploy.model.ECSTarget;
import software.amazon.awssdk.services.codedeploy.model.LifecycleEvent;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocation;

/**
 * One bounded round of a CodeDeploy deployment: create it (once), report its lifecycle events and traffic shifts,
 * hold at the ready wait for a decision, apply aborts and timeouts, and follow CodeDeploy's rollback deployment to the
 * verdict.
 */
final class CodeDeployFollower {
    static final Duration CADENCE = Duration.ofSeconds(10);
    static final Duration READY_CADENCE = Duration.ofSeconds(30);
    private static final List<String> ACTIVE = List.of("Created", "Queued", "InProgress", "Ready", "Baking");

    private final CodeDeployClient codeDeploy;
    private final Clock clock;

    CodeDeployFollower(CodeDeployClient codeDeploy, Clock clock) {
        this.codeDeploy = codeDeploy;
        this.clock = clock;
    }

    /** The ids of the group's deployments that are not over. */
    static List<String> activeDeployments(CodeDeployClient codeDeploy, String application, String group) {
        return codeDeploy
                .listDeployments(r -> r.applicationName(application)
                        .deploymentGroupName(group)
                        .includeOnlyStatusesWithStrings(ACTIVE))
                .deployments();
    }

    /** What one round found: the next handle and the events it reported. */
    private final class Round {
        final CodeDeployHandle.Copy next;
        final List<ProgressEvent> events = new ArrayList<>();
        final Instant now = clock.instant();

        Round(CodeDeployHandle handle) {
            this.next = handle.copy();
        }

        void report(ProgressEvent event) {
            events.add(event);
            next.event(new RecordedEvent(event.time(), event.severity().name(), event.kind(), event.message()));
        }

        void info(String kind, String message) {
            report(ProgressEvent.info(now, kind, message));
        }

        OperationPoll<CodeDeployHandle, DeploymentRecord> after(Duration wait, DecisionPoint awaiting) {
            CodeDeployHandle handle = next.build();
            return new OperationPoll<>(
                    handle, events, wait, Optional.ofNullable(awaiting), Optional.ofNullable(outcome(handle)));
        }

        OperationPoll<CodeDeployHandle, DeploymentRecord> done(DeploymentStatus status, String reason) {
            report(new ProgressEvent(
                    now,
                    status.isSuccess() ? ProgressEvent.Severity.INFO : ProgressEvent.Severity.ERROR,
                    "deploy.verdict",
                    status + ": " + reason,
                    null));
            next.done(status, reason, now);
            return after(Duration.ZERO, null);
        }
    }

    OperationPoll<CodeDeployHandle, DeploymentRecord> poll(CodeDeployHandle handle, Decision decision) {
        Round round = new Round(handle);
        return switch (handle.phase()) {
            case DONE ->
                new OperationPoll<>(handle, List.of(), Duration.ZERO, Optional.empty(), Optional.of(outcome(handle)));
            case CREATE_PENDING -> create(handle, round);
            case FOLLOWING -> follow(handle, decision, round);
            case ROLLING_BACK -> followRollback(handle, round);
        };
    }

    OperationPoll<CodeDeployHandle, DeploymentRecord> abort(CodeDeployHandle handle, String abortedBy) {
        Round round = new Round(handle);
        if (handle.isDone()) {
            return round.after(Duration.ZERO, null);
        }
        round.next.abortedBy(abortedBy);
        String id = handle.deploymentId();
        if (handle.phase() == Phase.CREATE_PENDING) {
            id = adoptable(handle).orElse(null);
            if (id == null) {
                return round.done(DeploymentStatus.ABORTED, "aborted by " + abortedBy + " before CreateDeployment");
            }
            round.next.following(id);
        }
        if (handle.target().onAbort() == AbortAction.LEAVE) {
            return round.done(
                    DeploymentStatus.ABORTED,
                    "aborted by " + abortedBy + "; CodeDeploy deployment " + id + " was left running");
        }
        if (handle.phase() != Phase.ROLLING_BACK) {
            stopWithRollback(id);
            round.info(
                    "deploy.phase",
                    "aborted by " + abortedBy + ": stopped CodeDeploy deployment " + id + " with rollback");
        }
        return round.after(Duration.ZERO, null);
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> create(CodeDeployHandle handle, Round round) {
        CodeDeployHandle.Target target = handle.target();
        Optional<String> adopted = adoptable(handle);
        if (adopted.isPresent()) {
            round.next.following(adopted.get());
            round.info("deploy.phase", "resumed CodeDeploy deployment " + adopted.get() + " of this revision");
            return round.after(Duration.ZERO, null);
        }
        if (round.now.isAfter(target.deadline())) {
            return round.done(
                    DeploymentStatus.TIMED_OUT,
                    "the deployment group stayed busy past the timeout;" + " no deployment was created");
        }
        List<String> others = activeDeployments(codeDeploy, target.application(), target.deploymentGroup());
        if (!others.isEmpty()) {
            return waitForOthers(handle, round, others);
        }
        String id;
        try {
            id = codeDeploy
                    .createDeployment(r -> r.applicationName(target.application())
                            .deploymentGroupName(target.deploymentGroup())
                            .deploymentConfigName(target.deploymentConfigName())
                            .description("ecs-deploy: " + target.newTaskDefinitionArn())
                            .revision(RevisionLocation.builder()
                                    .revisionType("AppSpecContent")
                                    .appSpecContent(c ->
                                            c.content(target.appSpecContent()).sha256(target.appSpecSha256()))
                                    .build()))
                    .deploymentId();
        } catch (DeploymentLimitExceededException e) {
            return waitForOthers(handle, round, List.of("(another)"));
        }
        round.next.following(id);
        round.info(
                "deploy.phase",
                "created CodeDeploy deployment " + id + " in " + target.application() + "/" + target.deploymentGroup()
                        + " with " + target.deploymentConfigName());
        return round.after(CADENCE, null);
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> waitForOthers(
            CodeDeployHandle handle, Round round, List<String> others) {
        String key = "waiting:" + others;
        if (!handle.reportedLifecycle().containsKey(key)) {
            round.next.reported(key, "reported");
            round.info(
                    "deploy.phase",
                    "waiting for CodeDeploy deployment " + String.join(", ", others)
                            + " of the deployment group to finish");
        }
        return round.after(CADENCE, null);
    }

    /** An active deployment of exactly our AppSpec that was not there when we started: ours, from before a restart. */
    private Optional<String> adoptable(CodeDeployHandle handle) {
        CodeDeployHandle.Target target = handle.target();
        List<String> candidates = activeDeployments(codeDeploy, target.application(), target.deploymentGroup()).stream()
                .filter(id -> !handle.knownActiveDeploymentIds().contains(id))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return codeDeploy.batchGetDeployments(r -> r.deploymentIds(candidates)).deploymentsInfo().stream()
                .filter(info -> info.revision() != null
                        && info.revision().appSpecContent() != null
                        && target.appSpecSha256()
                                .equals(info.revision().appSpecContent().sha256()))
                .map(DeploymentInfo::deploymentId)
                .findFirst();
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> follow(
            CodeDeployHandle handle, Decision decision, Round round) {
        String id = handle.deploymentId();
        DeploymentInfo info = codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
        ECSTarget target = target(handle);
        reportProgress(handle, round, target);
        switch (info.statusAsString()) {
            case "Succeeded":
                return round.done(
                        DeploymentStatus.SUCCESSFUL,
                        "CodeDeploy deployment " + id + " succeeded;" + " production traffic is on "
                                + handle.target().newTaskDefinitionArn());
            case "Failed":
            case "Stopped":
                return ended(handle, round, info, target);
            case "Ready":
                return ready(handle, decision, round);
            default:
                return inProgress(handle, round);
        }
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> ready(
            CodeDeployHandle handle, Decision decision, Round round) {
        String id = handle.deploymentId();
        if (decision == Decision.CONTINUE) {
            try {
                codeDeploy.continueDeployment(
                        r -> r.deploymentId(id).deploymentWaitType(DeploymentWaitType.READY_WAIT));
            } catch (DeploymentIsNotInReadyStateException e) {
                // CodeDeploy moved on (the wait ran out) between our read and the decision; the next round sees it.
            }
            round.info("deploy.decision", "CONTINUE at the ready wait: CodeDeploy reroutes production traffic");
            return round.after(Duration.ZERO, null);
        }
        if (decision == Decision.ROLLBACK) {
            stopWithRollback(id);
            round.next.rollbackDecided();
            round.info(
                    "deploy.decision",
                    "ROLLBACK at the ready wait: stopped CodeDeploy deployment " + id + " with rollback");
            return round.after(Duration.ZERO, null);
        }
        Instant since = handle.readySince() == null ? round.now : handle.readySince();
        if (handle.readySince() == null) {
            round.next.readySince(since);
            round.info(
                    "deploy.phase",
                    "CodeDeploy deployment " + id + " is Ready: the replacement task set serves"
                            + " test traffic; waiting for a decision to reroute production traffic");
        }
        Integer minutes = handle.target().readyWaitMinutes();
        Instant expiresAt = minutes == null ? null : since.plus(Duration.ofMinutes(minutes));
        DecisionPoint point = new DecisionPoint(CodeDeployDeployments.READY_WAIT, id, expiresAt);
        return round.after(READY_CADENCE, point);
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> inProgress(CodeDeployHandle handle, Round round) {
        if (!round.now.isAfter(handle.target().deadline()) || handle.timedOut()) {
            return round.after(CADENCE, null);
        }
        round.next.timedOut();
        if (handle.target().onTimeout() == TimeoutAction.LEAVE) {
            return round.done(
                    DeploymentStatus.TIMED_OUT,
                    "CodeDeploy deployment " + handle.deploymentId()
                            + " did not finish within the timeout; it was left running");
        }
        stopWithRollback(handle.deploymentId());
        round.info(
                "deploy.phase", "timed out: stopped CodeDeploy deployment " + handle.deploymentId() + " with rollback");
        return round.after(Duration.ZERO, null);
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> ended(
            CodeDeployHandle handle, Round round, DeploymentInfo info, ECSTarget target) {
        String reason = failure(handle, info, target);
        String rollback =
                info.rollbackInfo() == null ? null : info.rollbackInfo().rollbackDeploymentId();
        if (rollback != null) {
            round.next.rollingBack(rollback).reason(reason);
            round.info("deploy.phase", reason + "; CodeDeploy rolls back with deployment " + rollback);
            return round.after(CADENCE, null);
        }
        return round.done(verdict(handle, DeploymentStatus.FAILED), reason);
    }

    private OperationPoll<CodeDeployHandle, DeploymentRecord> followRollback(CodeDeployHandle handle, Round round) {
        String id = handle.rollbackDeploymentId();
        DeploymentInfo info = codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
        if (ACTIVE.contains(info.statusAsString())) {
            return round.after(CADENCE, null);
        }
        if ("Succeeded".equals(info.statusAsString())) {
            return round.done(
                    verdict(handle, DeploymentStatus.ROLLED_BACK),
                    handle.reason() + "; rollback deployment " + id + " restored the original task set");
        }
        return round.done(
                verdict(handle, DeploymentStatus.FAILED),
                handle.reason() + "; rollback deployment " + id + " ended " + info.statusAsString());
    }

    /** An abort or a timeout that we applied wins over what CodeDeploy made of it. */
    private static DeploymentStatus verdict(CodeDeployHandle handle, DeploymentStatus fromCodeDeploy) {
        if (handle.abortedBy() != null) {
            return DeploymentStatus.ABORTED;
        }
        return handle.timedOut() ? DeploymentStatus.TIMED_OUT : fromCodeDeploy;
    }

    private String failure(CodeDeployHandle handle, DeploymentInfo info, ECSTarget target) {
        StringBuilder reason =
                new StringBuilder("CodeDeploy deployment " + handle.deploymentId() + " " + info.statusAsString());
        if (handle.rollbackDecided()) {
            reason.append(" (ROLLBACK decided at the ready wait)");
        }
        if (info.errorInformation() != null) {
            reason.append(": ")
                    .append(info.errorInformation().codeAsString())
                    .append(" ")
                    .append(info.errorInformation().message());
        }
        if (target != null) {
            target.lifecycleEvents().stream()
                    .filter(e -> "Failed".equals(e.statusAsString()) && e.diagnostics() != null)
                    .forEach(e -> reason.append("; ")
                            .append(e.lifecycleEventName())
                            .append(": ")
                            .append(e.diagnostics().message()));
        }
        return reason.toString();
    }

    private ECSTarget target(CodeDeployHandle handle) {
        try {
            return codeDeploy
                    .getDeploymentTarget(r -> r.deploymentId(handle.deploymentId())
                            .targetId(handle.target().targetId()))
                    .deploymentTarget()
                    .ecsTarget();
        } catch (DeploymentTargetDoesNotExistException e) {
            return null;
        }
    }

    /** Reports each lifecycle event's new status and each change of the production traffic split, once. */
    private void reportProgress(CodeDeployHandle handle, Round round, ECSTarget target) {
        if (target == null) {
            return;
        }
        for (LifecycleEvent event : target.lifecycleEvents()) {
            String status = event.statusAsString();
            if (!"Pending".equals(status)
                    && !status.equals(handle.reportedLifecycle().get(event.lifecycleEventName()))) {
                round.next.reported(event.lifecycleEventName(), status);
                round.info("codedeploy.lifecycle", event.lifecycleEventName() + " " + status);
            }
        }
        String traffic = target.taskSetsInfo().stream()
                .map(t -> t.taskSetLabelAsString() + " " + Math.round(t.trafficWeight() == null ? 0 : t.trafficWeight())
                        + "%")
                .collect(Collectors.joining(", "));
        if (!traffic.isEmpty() && !traffic.equals(handle.lastTraffic())) {
            round.next.lastTraffic(traffic);
            round.info("codedeploy.traffic", "production traffic: " + traffic);
        }
    }

    private void stopWithRollback(String id) {
        try {
            codeDeploy.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
        } catch (DeploymentAlreadyCompletedException e) {
            // It ended on its own meanwhile; the next round reads how.
        }
    }

    private static DeploymentRecord outcome(CodeDeployHandle handle) {
        if (!handle.isDone()) {
            return null;
        }
        CodeDeployHandle.Target target = handle.target();
        return (new DeploymentRecord(
                target.environment(),
                target.cluster(),
                target.service(),
                "CODE_DEPLOY",
                target.previousTaskDefinitionArn(),
                target.newTaskDefinitionArn(),
                target.imageDigests(),
                handle.deploymentId(),
                null,
                handle.verdict(),
                handle.reason(),
                target.startedAt(),
                handle.finishedAt(),
                handle.events()));
    }
}
