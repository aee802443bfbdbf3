package io.jenkins.plugins.ecsdeploy.exec.engines;

import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.task.TaskRunResult;
import java.io.Serializable;

/** A task run's result in the shared outcome vocabulary. */
public record TaskRunOutcome(TaskRunResult result) implements OperationOutcome, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public OperationStatus status() {
        return switch (result.status()) {
            case SUCCEEDED, STARTED -> OperationStatus.SUCCEEDED;
            case FAILED -> OperationStatus.FAILED;
            case TIMED_OUT -> OperationStatus.TIMED_OUT;
            case ABORTED -> OperationStatus.ABORTED;
        };
    }

    @Override
    public String summary() {
        return result.message();
    }
}
