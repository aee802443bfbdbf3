package dev.ecsdeploy.core.task;

/** How long a run is followed. */
public enum WaitMode {
    /** Follow until every task has STOPPED, streaming logs, then judge the exit codes (the default). */
    UNTIL_STOPPED,
    /** Fire and forget: stop following once every task is RUNNING (or already stopped). */
    UNTIL_RUNNING
}
