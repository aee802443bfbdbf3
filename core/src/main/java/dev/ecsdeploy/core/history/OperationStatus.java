package dev.ecsdeploy.core.history;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Returns where a build, deployment or task stands; every value but the first three is final. */
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
    TIMED_OUT;

    /** Returns whether nothing will change this status any more. */
    public boolean terminal() {
        return this != UNKNOWN && this != PENDING && this != IN_PROGRESS;
    }
}
