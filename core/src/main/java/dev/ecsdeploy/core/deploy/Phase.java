package dev.ecsdeploy.core.deploy;

/** Where a deployment is; recorded in the handle so a resumed engine knows which mutation may already have happened. */
public enum Phase {
    /** The task definition is registered; another deployment must finish before ours starts. */
    WAITING_FOR_OTHER_DEPLOYMENT,
    /** The task definition is registered; UpdateService is next (or happened and is not yet seen). */
    UPDATE_PENDING,
    /** Our deployment is running; we follow it. */
    ROLLING_OUT,
    /** A PAUSE hook holds the deployment until someone decides. */
    AWAITING_DECISION,
    /**
     * The service already runs the target (same task definition, stable, nothing else to change): nothing was
     * registered or updated, and the first poll reports SUCCESSFUL with "unchanged".
     */
    UNCHANGED,
    /** The verdict is in. */
    DONE
}
