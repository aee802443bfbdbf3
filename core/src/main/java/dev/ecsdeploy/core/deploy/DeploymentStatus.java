package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.operation.OperationStatus;

/** The verdict of a deployment. Only {@link #SUCCESSFUL} is a success; a service stable after a rollback is not. */
public enum DeploymentStatus {
    SUCCESSFUL,
    /** ECS marked our deployment failed (circuit breaker, alarms, hook) and did not roll back. */
    FAILED,
    /** Our deployment failed and the service went back to the previous revision. */
    ROLLED_BACK,
    /** Another deployment replaced ours, or the service was deleted or is draining. */
    REPLACED,
    TIMED_OUT,
    ABORTED;

    public boolean isSuccess() {
        return this == SUCCESSFUL;
    }

    /** The one mapping to the shared vocabulary: a deployment replaced by another one was STOPPED. */
    public OperationStatus operationStatus() {
        return switch (this) {
            case SUCCESSFUL -> OperationStatus.SUCCEEDED;
            case FAILED -> OperationStatus.FAILED;
            case ROLLED_BACK -> OperationStatus.ROLLED_BACK;
            case REPLACED -> OperationStatus.STOPPED;
            case TIMED_OUT -> OperationStatus.TIMED_OUT;
            case ABORTED -> OperationStatus.ABORTED;
        };
    }
}
