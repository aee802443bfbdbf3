package dev.ecsdeploy.core.deploy;

/** What to do at a PAUSE lifecycle hook: resume the deployment or roll it back. */
public enum Decision {
    CONTINUE,
    ROLLBACK
}
