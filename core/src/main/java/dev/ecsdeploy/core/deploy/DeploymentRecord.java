package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The immutable result of a deployment, made only of JDK types so it can be persisted (Jenkins keeps it with the
 * build) and compared with ECS's own service deployment history.
 *
 * @param imageDigests container name → the image reference deployed (pinned by digest where the image is in ECR)
 * @param reason why it ended this way, one concise line: ECS's rollout or status reason and, for a failure, what the
 *     stopped tasks have in common (e.g. {@code ...: 3 tasks exited 1 (container hello)}); on success, what ECS said
 *     when it completed (for example the rollout state and its reason)
 * @param events what was reported while following it
 * @param details what lies behind a failure's reason, one item a line: the service deployment's status and
 *     rollback, the service events since we started, the stopped tasks with their reasons and exit codes
 */
public record DeploymentRecord(
        String environment,
        String cluster,
        String service,
        String strategy,
        String previousTaskDefinitionArn,
        String newTaskDefinitionArn,
        Map<String, String> imageDigests,
        String deploymentId,
        String serviceDeploymentArn,
        DeploymentStatus status,
        String reason,
        Instant startedAt,
        Instant finishedAt,
        List<RecordedEvent> events,
        List<String> details)
        implements OperationOutcome, Serializable {
    private static final long serialVersionUID = 1L;

    public DeploymentRecord {
        imageDigests = Map.copyOf(imageDigests);
        reason = reason == null ? "" : reason;
        events = List.copyOf(events);
        details = details == null ? List.of() : List.copyOf(details);
    }

    /** A record without details (a success, or a reason that says it all). */
    public DeploymentRecord(
            String environment,
            String cluster,
            String service,
            String strategy,
            String previousTaskDefinitionArn,
            String newTaskDefinitionArn,
            Map<String, String> imageDigests,
            String deploymentId,
            String serviceDeploymentArn,
            DeploymentStatus status,
            String reason,
            Instant startedAt,
            Instant finishedAt,
            List<RecordedEvent> events) {
        this(
                environment,
                cluster,
                service,
                strategy,
                previousTaskDefinitionArn,
                newTaskDefinitionArn,
                imageDigests,
                deploymentId,
                serviceDeploymentArn,
                status,
                reason,
                startedAt,
                finishedAt,
                events,
                List.of());
    }

    public boolean succeeded() {
        return status.isSuccess();
    }

    @Override
    public OperationStatus operationStatus() {
        return status.operationStatus();
    }

    @Override
    public String summary() {
        return "deployment " + status + (reason.isBlank() ? "" : ": " + reason);
    }

    /** One progress event as stored in the record. */
    public record RecordedEvent(Instant time, String severity, String kind, String message) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
