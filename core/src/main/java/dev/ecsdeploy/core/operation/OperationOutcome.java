package dev.ecsdeploy.core.operation;

import java.util.List;

/**
 * How a long operation ended, in the vocabulary shared by every engine and the history. Only
 * {@link OperationStatus#SUCCEEDED} lets a build go on as a success.
 *
 * <p>Each outcome also keeps its engine's own, finer verdict (a deployment REPLACED by another, a fire-and-forget
 * task run STARTED, a scan's ECR status); {@link #operationStatus()} is the one mapping from it to the shared
 * vocabulary, and the history records that.
 */
public interface OperationOutcome {
    OperationStatus operationStatus();

    /** One concise line saying why, e.g. {@code circuit breaker rolled back: 3 tasks exited 1 (container hello)}. */
    String summary();

    /**
     * What lies behind {@link #summary()}, one item a line (service events, stopped tasks), for a reader who wants
     * more than the one line; empty when the summary says it all.
     */
    default List<String> details() {
        return List.of();
    }

    default boolean isSuccess() {
        return operationStatus() == OperationStatus.SUCCEEDED;
    }
}
