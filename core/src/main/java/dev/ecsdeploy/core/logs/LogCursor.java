package dev.ecsdeploy.core.logs;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where reading one log stream stands: the forward token to continue from, how many events were delivered so far,
 * when the stream may be read next and how the last read went. Immutable and serializable, so it lives in a run
 * handle and survives a restart; resuming from the token never repeats a line.
 *
 * @param stream the stream
 * @param forwardToken the {@code nextForwardToken} of the last successful read, {@code null} before the first one
 * @param delivered how many events were delivered to the listener so far
 * @param state how the last read went
 * @param nextReadAt when the stream is due to be read again
 * @param interval the pause used to compute {@code nextReadAt}, the base for the next back-off
 * @param lastReadAt when the last read was made ({@code null} before the first one); a drain is complete only once
 *     a read made after the task stopped came back caught up
 */
public record LogCursor(
        LogStreamRef stream,
        String forwardToken,
        long delivered,
        State state,
        Instant nextReadAt,
        Duration interval,
        Instant lastReadAt)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the last read of a stream went. */
    public enum State {
        /** Not read yet. */
        NEW,
        /** The stream does not exist yet: the container has not written anything. */
        NOT_FOUND,
        /** Events arrived, or the token moved: there may be more. */
        READING,
        /** The call returned the token it was given: everything written so far was delivered. */
        CAUGHT_UP,
        /** A non-retryable error (access denied, expired token); the stream is no longer read. */
        GAVE_UP
    }

    public LogCursor {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextReadAt, "nextReadAt");
        Objects.requireNonNull(interval, "interval");
    }

    /** Returns a cursor for a stream that has not been read, due at {@code firstReadAt}. */
    public static LogCursor start(LogStreamRef stream, Instant firstReadAt) {
        return new LogCursor(stream, null, 0, State.NEW, firstReadAt, Duration.ZERO, null);
    }

    /** Returns whether the stream should be read at {@code now}. */
    public boolean isDue(Instant now) {
        return state != State.GAVE_UP && !now.isBefore(nextReadAt);
    }

    /**
     * Returns whether everything the container wrote before {@code stoppedAt} has been delivered: a read made at or
     * after that time came back caught up, or found no stream at all.
     */
    public boolean isDrainedAfter(Instant stoppedAt) {
        if (state == State.GAVE_UP) {
            return true;
        }
        boolean finalState = state == State.CAUGHT_UP || state == State.NOT_FOUND;
        return finalState && lastReadAt != null && !lastReadAt.isBefore(stoppedAt);
    }

    /** Returns a copy that is due at {@code when} (used to read faster while draining). */
    public LogCursor dueAt(Instant when) {
        return new LogCursor(stream, forwardToken, delivered, state, when, interval, lastReadAt);
    }
}
