package io.jenkins.plugins.ecsdeploy.exec.engines;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.Serializable;

/** A deployment's record in the shared outcome vocabulary. */
public record DeploymentOutcome(DeploymentRecord record) implements OperationOutcome, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public OperationStatus status() {
        return switch (record.status()) {
            case SUCCESSFUL -> OperationStatus.SUCCEEDED;
            case FAILED, REPLACED -> OperationStatus.FAILED;
            case ROLLED_BACK -> OperationStatus.ROLLED_BACK;
            case TIMED_OUT -> OperationStatus.TIMED_OUT;
            case ABORTED -> OperationStatus.ABORTED;
        };
    }

    @Override
    public String summary() {
        return "deployment of " + record.service() + " " + record.status() + ": " + record.reason();
    }
}
