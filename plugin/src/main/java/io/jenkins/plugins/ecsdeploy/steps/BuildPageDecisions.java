package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.exec.StepServices;
import java.io.Serial;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A person decides on the build page: while the deployment pauses, the build offers Continue and Roll back
 * ({@link CanaryDecisionAction}); after {@code pauseTimeout} the configured action applies.
 */
final class BuildPageDecisions implements DecisionSource {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String id = UUID.randomUUID().toString();
    private final String service;
    private final Duration pauseTimeout;
    private final Decision onPauseTimeout;
    private String offeredForHook;
    private Instant pausedAt;

    BuildPageDecisions(String service, Duration pauseTimeout, Decision onPauseTimeout) {
        this.service = service;
        this.pauseTimeout = pauseTimeout;
        this.onPauseTimeout = onPauseTimeout;
    }

    @Override
    public Decision awaiting(DurableOperationExecution<?, ?, ?> execution, DecisionPoint point) throws Exception {
        Instant now = StepServices.current().clock().instant();
        if (!point.hookId().equals(offeredForHook)) {
            offeredForHook = point.hookId();
            pausedAt = now;
            DecisionRegistry.register(id, execution);
            run(execution).addAction(new CanaryDecisionAction(id, service, point.stage()));
            execution
                    .log()
                    .info("paused at " + point.stage() + ": continue or roll back on the build page"
                            + (pauseTimeout == null
                                    ? ""
                                    : "; after " + pauseTimeout.toMinutes() + " min: " + onPauseTimeout));
            return null;
        }
        if (pauseTimeout != null && !now.isBefore(pausedAt.plus(pauseTimeout))) {
            execution.log().info("nobody decided within " + pauseTimeout.toMinutes() + " min: " + onPauseTimeout);
            return onPauseTimeout;
        }
        return null;
    }

    @Override
    public void onResume(DurableOperationExecution<?, ?, ?> execution) {
        if (offeredForHook != null) {
            DecisionRegistry.register(id, execution);
        }
    }

    @Override
    public void finished(DurableOperationExecution<?, ?, ?> execution) {
        DecisionRegistry.unregister(id);
        try {
            CanaryDecisionAction action = run(execution).getAction(CanaryDecisionAction.class);
            if (action != null && action.getId().equals(id)) {
                action.close();
            }
        } catch (Exception e) {
            // the page then shows the buttons as no longer available, which is what they are
        }
    }

    String id() {
        return id;
    }

    private static Run<?, ?> run(DurableOperationExecution<?, ?, ?> execution) throws Exception {
        return execution.context().get(Run.class);
    }
}
