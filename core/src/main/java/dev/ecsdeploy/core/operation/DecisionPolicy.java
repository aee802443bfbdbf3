package dev.ecsdeploy.core.operation;

/** Answers decision points for {@link LongOperation#await}; null means "not yet" (poll again later). */
@FunctionalInterface
public interface DecisionPolicy {
    Decision decide(DecisionPoint point);

    static DecisionPolicy always(Decision decision) {
        return point -> decision;
    }
}
