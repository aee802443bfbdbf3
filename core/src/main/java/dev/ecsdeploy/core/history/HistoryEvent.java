package dev.ecsdeploy.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of what happened during a deployment or task: an ECS service event, a phase change, a stop reason.
 *
 * @param time when it happened
 * @param message the text as AWS or the engine gave it; shown as text, never as markup
 */
public record HistoryEvent(Instant time, String message) {
    public HistoryEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }
}
