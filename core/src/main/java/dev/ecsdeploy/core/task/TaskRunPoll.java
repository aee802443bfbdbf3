package dev.ecsdeploy.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link EcsTaskRunner#poll} round produced. The events and log lines of the round have already gone to the
 * listener; this carries the handle to persist, when to poll next, and the verdict once the run is over.
 *
 * @param handle the updated handle: persist it before the next poll
 * @param nextPollAt when the next poll is due (earlier polls are harmless but do nothing)
 * @param linesDelivered how many log lines this round delivered
 */
public record TaskRunPoll(TaskRunHandle handle, Instant nextPollAt, int linesDelivered) {
    public TaskRunPoll {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
    }

    public boolean done() {
        return handle.isDone();
    }

    /** The verdict, present once {@link #done()}. */
    public Optional<TaskRunResult> result() {
        return handle.result();
    }
}
