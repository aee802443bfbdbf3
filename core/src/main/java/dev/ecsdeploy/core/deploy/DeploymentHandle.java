package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.deploy.DeploymentRequest.AbortAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.Alarms;
import dev.ecsdeploy.core.deploy.DeploymentRequest.CircuitBreaker;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small serializable value that is all a fresh engine needs to resume following a deployment: ids, the phase, the
 * deadline and how far events were reported. Persist the handle returned by every poll; never edit it.
 *
 * <p>Mutations are guarded by {@link #phase()}: a handle in {@link Phase#UPDATE_PENDING} makes the engine look at
 * the service first and adopt a deployment of {@link #newTaskDefinitionArn()} that is not among
 * {@link #knownDeploymentIds()}, so a process that died right after UpdateService never issues it twice.
 *
 * <p>{@link #serviceDeploymentsUnavailable()} remembers that the endpoint does not implement ECS service deployments
 * (ListServiceDeployments), so polls go straight to DescribeServices instead of asking again each time. It is the last
 * component so that a handle serialized before it existed reads it as {@code false}; the first poll then learns it.
 */
public record DeploymentHandle(
        String environment,
        String cluster,
        String service,
        DeploymentStrategy strategy,
        Phase phase,
        String previousTaskDefinitionArn,
        String newTaskDefinitionArn,
        Map<String, String> imageDigests,
        Integer desiredCount,
        boolean forceNewDeployment,
        CircuitBreaker circuitBreaker,
        Alarms alarms,
        List<String> pauseAtStages,
        TimeoutAction onTimeout,
        AbortAction onAbort,
        Set<String> knownDeploymentIds,
        Set<String> knownServiceDeploymentArns,
        String deploymentId,
        String serviceDeploymentArn,
        Instant startedAt,
        Instant deadline,
        Instant eventCursor,
        String lastStage,
        Instant stageSeenAt,
        String awaitingHookId,
        int polls,
        boolean serviceDeploymentsUnavailable)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public DeploymentHandle {
        imageDigests = Map.copyOf(imageDigests);
        pauseAtStages = List.copyOf(pauseAtStages);
        knownDeploymentIds = Set.copyOf(knownDeploymentIds);
        knownServiceDeploymentArns = Set.copyOf(knownServiceDeploymentArns);
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    public DeploymentHandle withPhase(Phase newPhase) {
        return copy().phase(newPhase).build();
    }

    /** A mutable copy for the engine to derive the next handle from. */
    public Copy copy() {
        return new Copy(this);
    }

    /** Builds the next handle; the engine's only way to change one. */
    public static final class Copy {
        private final DeploymentHandle from;
        private Phase phase;
        private Set<String> knownDeploymentIds;
        private Set<String> knownServiceDeploymentArns;
        private String deploymentId;
        private String serviceDeploymentArn;
        private Instant eventCursor;
        private String lastStage;
        private Instant stageSeenAt;
        private String awaitingHookId;
        private int polls;
        private boolean serviceDeploymentsUnavailable;

        private Copy(DeploymentHandle from) {
            this.from = from;
            phase = from.phase;
            knownDeploymentIds = from.knownDeploymentIds;
            knownServiceDeploymentArns = from.knownServiceDeploymentArns;
            deploymentId = from.deploymentId;
            serviceDeploymentArn = from.serviceDeploymentArn;
            eventCursor = from.eventCursor;
            lastStage = from.lastStage;
            stageSeenAt = from.stageSeenAt;
            awaitingHookId = from.awaitingHookId;
            polls = from.polls;
            serviceDeploymentsUnavailable = from.serviceDeploymentsUnavailable;
        }

        public Copy phase(Phase value) {
            phase = value;
            return this;
        }

        public Copy known(Set<String> deploymentIds, Set<String> serviceDeploymentArns) {
            knownDeploymentIds = deploymentIds;
            knownServiceDeploymentArns = serviceDeploymentArns;
            return this;
        }

        public Copy deployment(String id, String arn) {
            deploymentId = id;
            serviceDeploymentArn = arn;
            return this;
        }

        public Copy eventCursor(Instant value) {
            eventCursor = value;
            return this;
        }

        public Copy stage(String value, Instant seenAt) {
            lastStage = value;
            stageSeenAt = seenAt;
            return this;
        }

        public Copy awaitingHookId(String value) {
            awaitingHookId = value;
            return this;
        }

        /** Marks the endpoint as lacking ECS service deployments, so later polls do not ask for them again. */
        public Copy serviceDeploymentsUnavailable() {
            serviceDeploymentsUnavailable = true;
            return this;
        }

        public Copy countPoll() {
            polls++;
            return this;
        }

        public DeploymentHandle build() {
            return new DeploymentHandle(
                    from.environment,
                    from.cluster,
                    from.service,
                    from.strategy,
                    phase,
                    from.previousTaskDefinitionArn,
                    from.newTaskDefinitionArn,
                    from.imageDigests,
                    from.desiredCount,
                    from.forceNewDeployment,
                    from.circuitBreaker,
                    from.alarms,
                    from.pauseAtStages,
                    from.onTimeout,
                    from.onAbort,
                    knownDeploymentIds,
                    knownServiceDeploymentArns,
                    deploymentId,
                    serviceDeploymentArn,
                    from.startedAt,
                    from.deadline,
                    eventCursor,
                    lastStage,
                    stageSeenAt,
                    awaitingHookId,
                    polls,
                    serviceDeploymentsUnavailable);
        }
    }
}
