package dev.ecsdeploy.core.operation;

/** What to do at a PAUSE lifecycle hook: resume the deployment or roll it back. */
public enum Decision {
    CONTINUE,
    ROLLBACK
}
