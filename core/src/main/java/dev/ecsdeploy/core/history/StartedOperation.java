package dev.ecsdeploy.core.history;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An operation {@link HistoryRecorder} recorded as {@code IN_PROGRESS}: the id its final entry reuses so that it
 * supersedes the first one, and when it started. Small and serializable, so a durable wait can keep it next to the
 * engine's handle and complete the entry after a restart.
 *
 * @param id the entry id shared by the in-progress and the final entry
 * @param startedAt when the operation started
 */
public record StartedOperation(String id, Instant startedAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    public StartedOperation {
        Require.text(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
