package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import java.io.Serial;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The step's body decides: it runs once per PAUSE hook; success answers CONTINUE, failure or abort answers ROLLBACK.
 * The hook it ran for is persisted, so a restart never runs the body twice for the same pause.
 */
final class BodyDecisions implements DecisionSource {
    @Serial
    private static final long serialVersionUID = 1L;

    private String bodyStartedForHook;

    @Override
    public Decision awaiting(DurableOperationExecution<?, ?, ?> execution, DecisionPoint point) throws Exception {
        if (point.hookId().equals(bodyStartedForHook)) {
            return null;
        }
        bodyStartedForHook = point.hookId();
        execution
                .log()
                .info("paused at " + point.stage() + ": running the body; success continues, failure rolls back");
        execution
                .context()
                .newBodyInvoker()
                .withCallback(new DecideOnBody(execution))
                .start();
        return null;
    }

    /** Turns the body's verdict into the deployment's decision. */
    static final class DecideOnBody extends BodyExecutionCallback {
        @Serial
        private static final long serialVersionUID = 1L;

        private final DurableOperationExecution<?, ?, ?> execution;

        DecideOnBody(DurableOperationExecution<?, ?, ?> execution) {
            this.execution = execution;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            log("the body succeeded: continuing the deployment");
            execution.decide(Decision.CONTINUE);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            log("the body failed (" + t.getMessage() + "): rolling the deployment back");
            execution.decide(Decision.ROLLBACK);
        }

        private void log(String line) {
            try {
                execution.log().info(line);
            } catch (Exception e) {
                // the decision matters more than the log line; the outcome is logged in any case
            }
        }
    }
}
