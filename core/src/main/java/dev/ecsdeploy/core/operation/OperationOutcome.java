package dev.ecsdeploy.core.operation;

/**
 * How a long operation ended, in the vocabulary shared by every engine and the history. Only
 * {@link OperationStatus#SUCCEEDED} lets a build go on as a success.
 */
public interface OperationOutcome {
    OperationStatus status();

    /** One concise line saying why, e.g. {@code circuit breaker rolled back: 3 tasks exited 1 (container hello)}. */
    String summary();

    default boolean isSuccess() {
        return status() == OperationStatus.SUCCEEDED;
    }
}
