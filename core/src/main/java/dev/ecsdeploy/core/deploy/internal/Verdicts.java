package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentStatus;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;

/**
 * The verdict tables: pure functions from what ECS reports to our verdict. "Stable" is never enough: a service that is
 * stable again after a rollback reports a failure.
 */
final class Verdicts {
    private Verdicts() {}

    /**
     * A verdict, or an in-flight observation.
     *
     * @param status the verdict, or null while in flight
     * @param reason why, for a verdict
     * @param failureBound true when ECS is rolling back or stopping, so only a failure can follow
     * @param details what lies behind the reason, one item a line (service events, stopped tasks)
     */
    record Verdict(DeploymentStatus status, String reason, boolean failureBound, List<String> details) {
        static final Verdict IN_FLIGHT = new Verdict(null, "", false);

        Verdict {
            details = details == null ? List.of() : List.copyOf(details);
        }

        Verdict(DeploymentStatus status, String reason, boolean failureBound) {
            this(status, reason, failureBound, List.of());
        }

        boolean isFinal() {
            return status != null;
        }
    }

    /** The verdict for a service deployment status (aws-behaviour §7). */
    static Verdict forServiceDeployment(String status, String statusReason) {
        String reason = statusReason == null ? "" : statusReason;
        return switch (status == null ? "" : status) {
            case "SUCCESSFUL" -> new Verdict(DeploymentStatus.SUCCESSFUL, reason, false);
            case "STOPPED" -> new Verdict(DeploymentStatus.FAILED, withPrefix("stopped", reason), false);
            case "ROLLBACK_SUCCESSFUL" ->
                new Verdict(DeploymentStatus.ROLLED_BACK, withPrefix("rolled back", reason), false);
            case "ROLLBACK_FAILED" ->
                new Verdict(
                        DeploymentStatus.FAILED,
                        withPrefix("rollback failed, the service needs attention", reason),
                        false);
            case "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS" -> new Verdict(null, reason, true);
            default -> Verdict.IN_FLIGHT;
        };
    }

    /**
     * The verdict for a rolling update from DescribeServices: our deployment's rolloutState, whether it is still
     * PRIMARY, and the service status.
     */
    static Verdict forRolling(
            String serviceStatus,
            List<Deployment> deployments,
            String ourDeploymentId,
            String previousTaskDefinitionArn,
            boolean rollbackOnFailure) {
        if ("DRAINING".equals(serviceStatus) || "INACTIVE".equals(serviceStatus)) {
            return new Verdict(DeploymentStatus.REPLACED, "the service is " + serviceStatus, false);
        }
        Optional<Deployment> primary =
                deployments.stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
        Optional<Deployment> ours =
                deployments.stream().filter(d -> d.id().equals(ourDeploymentId)).findFirst();
        if (ours.isEmpty()) {
            boolean backOnPrevious = primary.map(d -> d.taskDefinition().equals(previousTaskDefinitionArn))
                    .orElse(false);
            return backOnPrevious
                    ? new Verdict(
                            DeploymentStatus.ROLLED_BACK,
                            "deployment " + ourDeploymentId
                                    + " is gone and the service runs the previous task definition again",
                            false)
                    : new Verdict(
                            DeploymentStatus.REPLACED,
                            "deployment " + ourDeploymentId + " is gone"
                                    + primary.map(d -> "; " + describe(d) + " replaced it")
                                            .orElse(""),
                            false);
        }
        return forOurDeployment(ours.get(), primary, deployments.size(), rollbackOnFailure);
    }

    private static Verdict forOurDeployment(
            Deployment ours, Optional<Deployment> primary, int deploymentCount, boolean rollbackOnFailure) {
        String state = ours.rolloutStateAsString();
        boolean isPrimary = "PRIMARY".equals(ours.status());
        if ("FAILED".equals(state)) {
            String reason = withPrefix("rolloutState FAILED", ours.rolloutStateReason());
            return new Verdict(
                    rollbackOnFailure ? DeploymentStatus.ROLLED_BACK : DeploymentStatus.FAILED, reason, false);
        }
        if (!isPrimary) {
            return new Verdict(
                    DeploymentStatus.REPLACED,
                    "deployment " + ours.id() + " is no longer PRIMARY"
                            + primary.map(d -> "; " + describe(d) + " replaced it")
                                    .orElse(""),
                    false);
        }
        if ("COMPLETED".equals(state)) {
            return new Verdict(
                    DeploymentStatus.SUCCESSFUL,
                    withPrefix("rolloutState COMPLETED", ours.rolloutStateReason()),
                    false);
        }
        // Without rolloutState (a Classic Load Balancer), fall back to ECS's own notion of a finished rollout.
        if (state == null && deploymentCount == 1 && ours.runningCount().equals(ours.desiredCount())) {
            return new Verdict(DeploymentStatus.SUCCESSFUL, "the only deployment runs its desired count", false);
        }
        return Verdict.IN_FLIGHT;
    }

    static String describe(Deployment deployment) {
        return "deployment " + deployment.id() + " (" + deployment.taskDefinition() + ", " + deployment.status()
                + (deployment.rolloutStateAsString() == null
                        ? ""
                        : ", rolloutState " + deployment.rolloutStateAsString())
                + ")";
    }

    /** A deployment that is in the way, for the events and messages of a busy service: id, status and since when. */
    static String describeBusy(List<Deployment> busy) {
        return busy.stream()
                .map(d -> {
                    String text = describe(d);
                    return d.createdAt() == null
                            ? text
                            : text.substring(0, text.length() - 1) + ", since " + d.createdAt() + ")";
                })
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String withPrefix(String prefix, String reason) {
        return reason == null || reason.isBlank() ? prefix : prefix + ": " + reason;
    }
}
