package dev.ecsdeploy.core.deploy.codedeploy;

import dev.ecsdeploy.core.deploy.DeploymentRecord.RecordedEvent;
import dev.ecsdeploy.core.deploy.DeploymentRequest.AbortAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All a fresh engine needs to resume a CodeDeploy deployment. Persist the handle of every round; never edit it.
 *
 * <p>CreateDeployment is guarded by {@link Phase#CREATE_PENDING}: a handle in that phase makes the engine first look
 * for an active deployment of the same AppSpec (by its SHA-256) in the deployment group that is not among
 * {@link #knownActiveDeploymentIds()}, and adopt it, so a process that died right after CreateDeployment never
 * creates a second one.
 *
 * @param reportedLifecycle lifecycle event → the status already reported, so each change is reported once
 * @param events what was reported so far, kept for the record (a few dozen lines at most)
 */
public record CodeDeployHandle(
        Target target,
        Phase phase,
        Set<String> knownActiveDeploymentIds,
        String deploymentId,
        String rollbackDeploymentId,
        Instant readySince,
        Map<String, String> reportedLifecycle,
        String lastTraffic,
        String abortedBy,
        boolean timedOut,
        boolean rollbackDecided,
        DeploymentStatus verdict,
        String reason,
        Instant finishedAt,
        List<RecordedEvent> events,
        int polls)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public CodeDeployHandle {
        knownActiveDeploymentIds = Set.copyOf(knownActiveDeploymentIds);
        reportedLifecycle = Map.copyOf(reportedLifecycle);
        events = List.copyOf(events);
    }

    /** Where the deployment stands, as far as the engine is concerned. */
    public enum Phase {
        /** The task definition is registered; CreateDeployment has not been confirmed. */
        CREATE_PENDING,
        /** Following the deployment. */
        FOLLOWING,
        /** The deployment ended and CodeDeploy's rollback deployment restores the original task set. */
        ROLLING_BACK,
        DONE
    }

    /**
     * What does not change while the deployment runs.
     *
     * @param targetId CodeDeploy's ECS target id, {@code <cluster>:<service>}
     * @param appSpecContent the AppSpec sent with CreateDeployment (JSON)
     * @param readyWaitMinutes the deployment group's ready wait, or null when it has none
     */
    public record Target(
            String environment,
            String cluster,
            String service,
            String application,
            String deploymentGroup,
            String deploymentConfigName,
            String targetId,
            String previousTaskDefinitionArn,
            String newTaskDefinitionArn,
            Map<String, String> imageDigests,
            String appSpecContent,
            String appSpecSha256,
            Integer readyWaitMinutes,
            TimeoutAction onTimeout,
            AbortAction onAbort,
            Instant startedAt,
            Instant deadline)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Target {
            imageDigests = Map.copyOf(imageDigests);
        }
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    public static CodeDeployHandle started(Target target, Set<String> knownActiveDeploymentIds) {
        return new CodeDeployHandle(
                target,
                Phase.CREATE_PENDING,
                knownActiveDeploymentIds,
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                false,
                false,
                null,
                null,
                null,
                List.of(),
                0);
    }

    public Copy copy() {
        return new Copy(this);
    }

    /** Builds the next handle; the engine's only way to change one. */
    public static final class Copy {
        private final CodeDeployHandle from;
        private Phase phase;
        private String deploymentId;
        private String rollbackDeploymentId;
        private Instant readySince;
        private final Map<String, String> reportedLifecycle;
        private String lastTraffic;
        private String abortedBy;
        private boolean timedOut;
        private boolean rollbackDecided;
        private DeploymentStatus verdict;
        private String reason;
        private Instant finishedAt;
        private final List<RecordedEvent> events;

        private Copy(CodeDeployHandle from) {
            this.from = from;
            phase = from.phase;
            deploymentId = from.deploymentId;
            rollbackDeploymentId = from.rollbackDeploymentId;
            readySince = from.readySince;
            reportedLifecycle = new LinkedHashMap<>(from.reportedLifecycle);
            lastTraffic = from.lastTraffic;
            abortedBy = from.abortedBy;
            timedOut = from.timedOut;
            rollbackDecided = from.rollbackDecided;
            verdict = from.verdict;
            reason = from.reason;
            finishedAt = from.finishedAt;
            events = new ArrayList<>(from.events);
        }

        public Copy following(String id) {
            phase = Phase.FOLLOWING;
            deploymentId = id;
            return this;
        }

        public Copy rollingBack(String id) {
            phase = Phase.ROLLING_BACK;
            rollbackDeploymentId = id;
            return this;
        }

        public Copy readySince(Instant value) {
            readySince = value;
            return this;
        }

        public Copy reported(String lifecycleEvent, String status) {
            reportedLifecycle.put(lifecycleEvent, status);
            return this;
        }

        public Copy lastTraffic(String value) {
            lastTraffic = value;
            return this;
        }

        public Copy abortedBy(String value) {
            abortedBy = value;
            return this;
        }

        public Copy timedOut() {
            timedOut = true;
            return this;
        }

        public Copy rollbackDecided() {
            rollbackDecided = true;
            return this;
        }

        /** Why the deployment failed, kept while CodeDeploy's rollback deployment runs. */
        public Copy reason(String why) {
            reason = why;
            return this;
        }

        public Copy event(RecordedEvent event) {
            events.add(event);
            return this;
        }

        public Copy done(DeploymentStatus status, String why, Instant at) {
            phase = Phase.DONE;
            verdict = status;
            reason = why;
            finishedAt = at;
            return this;
        }

        public CodeDeployHandle build() {
            return new CodeDeployHandle(
                    from.target,
                    phase,
                    from.knownActiveDeploymentIds,
                    deploymentId,
                    rollbackDeploymentId,
                    readySince,
                    reportedLifecycle,
                    lastTraffic,
                    abortedBy,
                    timedOut,
                    rollbackDecided,
                    verdict,
                    reason,
                    finishedAt,
                    events,
                    from.polls + 1);
        }
    }
}
