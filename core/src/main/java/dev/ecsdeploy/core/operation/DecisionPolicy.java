package dev.ecsdeploy.core.operation;

/** Answers decision points for {@link LongOperation#await}; null means "not yet" (poll again later). */
@FunctionalInterface
public interface DecisionPolicy {
    /** For operations without decision points (task runs, scan waits), or to never decide: always "not yet". */
    DecisionPolicy NONE = point -> null;

    Decision decide(DecisionPoint point);

    static DecisionPolicy always(Decision decision) {
        return point -> decision;
    }
}
