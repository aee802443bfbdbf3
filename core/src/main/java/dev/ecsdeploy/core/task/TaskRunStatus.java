package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.operation.OperationStatus;

/** The verdict of a run. */
public enum TaskRunStatus {
    /** Every task stopped and every container that counts exited 0. */
    SUCCEEDED,
    /** Fire-and-forget: every task reached RUNNING (or stopped cleanly); nobody waits for the exit codes. */
    STARTED,
    /** A container that counts exited non-zero, a task failed to start, or RunTask refused to start it. */
    FAILED,
    /** The run outlived its timeout; its tasks were stopped. */
    TIMED_OUT,
    /** Someone aborted the run; its tasks were stopped. */
    ABORTED;

    /** Returns whether the build should go on. */
    public boolean isSuccess() {
        return this == SUCCEEDED || this == STARTED;
    }

    /** The one mapping to the shared vocabulary: a fire-and-forget run that STARTED SUCCEEDED at what it asked. */
    public OperationStatus operationStatus() {
        return switch (this) {
            case SUCCEEDED, STARTED -> OperationStatus.SUCCEEDED;
            case FAILED -> OperationStatus.FAILED;
            case TIMED_OUT -> OperationStatus.TIMED_OUT;
            case ABORTED -> OperationStatus.ABORTED;
        };
    }
}
