package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationOutcome;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Begins an operation: maps the step's fields to core's request (reading workspace files if needed) and calls
 * {@code start}. Runs once, on the poll scheduler, and is not kept: after it the handle is all there is.
 */
@FunctionalInterface
public interface OperationStarter<Q, H extends Serializable, O extends OperationOutcome> {
    H start(LongOperation<Q, H, O> operation, StepContext context, BuildLog log) throws Exception;
}
