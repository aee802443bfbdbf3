package dev.ecsdeploy.core.deploy.codedeploy;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.Serializable;

/**
 * How a CodeDeploy deployment ended: the same {@link DeploymentRecord} every deployment produces, seen as an
 * {@link OperationOutcome}. A rollback by CodeDeploy is {@code ROLLED_BACK}, never a success.
 */
public record CodeDeployOutcome(DeploymentRecord record) implements OperationOutcome, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public OperationStatus status() {
        return switch (record.status()) {
            case SUCCESSFUL -> OperationStatus.SUCCEEDED;
            case FAILED -> OperationStatus.FAILED;
            case ROLLED_BACK -> OperationStatus.ROLLED_BACK;
            case REPLACED -> OperationStatus.STOPPED;
            case TIMED_OUT -> OperationStatus.TIMED_OUT;
            case ABORTED -> OperationStatus.ABORTED;
        };
    }

    @Override
    public String summary() {
        String reason = record.reason();
        int newline = reason.indexOf('\n');
        return newline < 0 ? reason : reason.substring(0, newline);
    }
}
