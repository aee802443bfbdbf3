package dev.ecsdeploy.core.deploy;

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
}
