package dev.ecsdeploy.core.operation;

import dev.ecsdeploy.core.event.ProgressEvent;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one round of {@link LongOperation#poll} found.
 *
 * @param handle the handle to persist and pass to the next round
 * @param events what happened since the previous round, oldest first (each event exactly once)
 * @param nextPollIn when to poll again, on the operation's clock (zero when a round is due at once)
 * @param awaiting the decision point the operation waits at, if any
 * @param outcome the verdict once there is one; then the operation is over
 */
public record OperationPoll<H extends Serializable, O extends OperationOutcome>(
        H handle,
        List<ProgressEvent> events,
        Duration nextPollIn,
        Optional<DecisionPoint> awaiting,
        Optional<O> outcome) {
    public OperationPoll {
        Objects.requireNonNull(handle, "handle");
        events = List.copyOf(events);
        nextPollIn = nextPollIn == null || nextPollIn.isNegative() ? Duration.ZERO : nextPollIn;
        awaiting = awaiting == null ? Optional.empty() : awaiting;
        outcome = outcome == null ? Optional.empty() : outcome;
    }

    public boolean isDone() {
        return outcome.isPresent();
    }
}
