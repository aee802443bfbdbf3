package dev.ecsdeploy.core.operation;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where a build, deployment, task run or scan wait stands: the one status vocabulary from the engines to the history
 * entries. Every value but the first three is final.
 */
public enum OperationStatus {
    /** Read from a newer writer that knows a status this version does not. */
    @JsonEnumDefaultValue
    UNKNOWN,
    PENDING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK,
    STOPPED,
    TIMED_OUT,
    /** Someone or something (a user, an interrupt, an aborted build) stopped it; the abort action was applied. */
    ABORTED;

    /** Returns whether nothing will change this status any more. */
    public boolean terminal() {
        return this != UNKNOWN && this != PENDING && this != IN_PROGRESS;
    }
}
