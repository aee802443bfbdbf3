package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One service deployment (the read-only record the service-deployments API shows): from which revisions to which,
 * its status and lifecycle stage, its circuit breaker, rollback and lifecycle hooks.
 */
final class ServiceDeployment {
    final String arn;
    final ServiceState service;
    final Instant createdAt;
    final Deployment target;
    final List<Deployment> sources;
    final ObjectNode deploymentConfiguration;
    Instant startedAt;
    Instant finishedAt;
    Instant stoppedAt;
    Instant updatedAt;
    String status = "PENDING";
    String statusReason;
    String lifecycleStage;
    final List<HookRun> hooks = new ArrayList<>();
    String breakerStatus = "DISABLED";
    int breakerThreshold;
    String alarmsStatus = "DISABLED";
    final List<String> triggeredAlarms = new ArrayList<>();
    String rollbackReason;
    Instant rollbackStartedAt;
    Deployment rollbackTarget;
    /** Traffic weights in percent for the target revision (sources get the rest). */
    double productionWeight;

    double testWeight;
    /** Drives BLUE_GREEN, LINEAR and CANARY through their stages; null for ROLLING. */
    StagedRollout staged;

    ServiceDeployment(
            String arn,
            ServiceState service,
            Instant createdAt,
            Deployment target,
            List<Deployment> sources,
            ObjectNode deploymentConfiguration) {
        this.arn = arn;
        this.service = service;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.target = target;
        this.sources = List.copyOf(sources);
        this.deploymentConfiguration = deploymentConfiguration;
    }

    boolean inFlight() {
        return switch (status) {
            case "PENDING", "IN_PROGRESS", "STOP_REQUESTED", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS" -> true;
            default -> false;
        };
    }

    boolean rollingBack() {
        return status.startsWith("ROLLBACK_");
    }

    /** One PAUSE (or Lambda) hook invocation at a stage. */
    static final class HookRun {
        final String hookId;
        final String targetType;
        final String stage;
        final String timeoutAction;
        final Instant expiresAt;
        String status = "AWAITING_ACTION";

        HookRun(String hookId, String targetType, String stage, String timeoutAction, Instant expiresAt) {
            this.hookId = hookId;
            this.targetType = targetType;
            this.stage = stage;
            this.timeoutAction = timeoutAction;
            this.expiresAt = expiresAt;
        }
    }
}
