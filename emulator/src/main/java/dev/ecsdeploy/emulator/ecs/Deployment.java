package dev.ecsdeploy.emulator.ecs;

import java.time.Instant;

/**
 * One entry of a service's {@code deployments[]}: a task definition with a desired count, PRIMARY (the newest) or
 * ACTIVE (older ones still draining), with its rollout state. Each deployment is also one service revision.
 */
final class Deployment {
    final String id;
    final String revisionArn;
    final TaskDefinition taskDefinition;
    final Instant createdAt;
    String status = "PRIMARY";
    int desiredCount;
    Instant updatedAt;
    String rolloutState = "IN_PROGRESS";
    String rolloutStateReason;
    int failedTasks;
    /** Consecutive failures the circuit breaker counts (reset by a healthy task unless configured otherwise). */
    int breakerFailures;
    /** The service deployment that created this deployment (its target). */
    ServiceDeployment serviceDeployment;

    Deployment(String id, String revisionArn, TaskDefinition taskDefinition, int desiredCount, Instant createdAt) {
        this.id = id;
        this.revisionArn = revisionArn;
        this.taskDefinition = taskDefinition;
        this.desiredCount = desiredCount;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.rolloutStateReason = "ECS deployment " + id + " in progress.";
    }

    boolean failed() {
        return rolloutState.equals("FAILED");
    }
}
