package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import java.io.Serializable;

/**
 * Who answers an operation's decision points (ECS PAUSE hooks): nobody, the step's body, or a person on the build
 * page. Answers may come later, through {@link DurableOperationExecution#decide}.
 */
public interface DecisionSource extends Serializable {
    /** Nobody decides: the operation waits at the point until its own timeout applies. */
    DecisionSource NONE = NoDecisions.INSTANCE;

    /**
     * Called in every round that waits at {@code point}; returns a decision now, or null and answers later through
     * {@link DurableOperationExecution#decide}.
     */
    Decision awaiting(DurableOperationExecution<?, ?, ?> execution, DecisionPoint point) throws Exception;

    /** Called when the execution is loaded again after a restart. */
    default void onResume(DurableOperationExecution<?, ?, ?> execution) {}

    /** Called once when the operation has ended, to tidy up (remove a build-page action). */
    default void finished(DurableOperationExecution<?, ?, ?> execution) {}

    /** The source of {@link #NONE}; an enum so its serial form is its name. */
    enum NoDecisions implements DecisionSource {
        INSTANCE;

        @Override
        public Decision awaiting(DurableOperationExecution<?, ?, ?> execution, DecisionPoint point) {
            return null;
        }
    }
}
