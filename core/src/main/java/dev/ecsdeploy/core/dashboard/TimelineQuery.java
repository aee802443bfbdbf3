package dev.ecsdeploy.core.dashboard;

import dev.ecsdeploy.core.history.HistoryIndex.Row;
import java.util.function.Predicate;

/**
 * Which deployments a timeline page shows; a null field does not filter.
 *
 * @param environment only this environment
 * @param application only this application
 * @param status only this status (the {@code OperationStatus} name)
 * @param text only deployments with this text (case-insensitive) in a name, digest, tag, user, reason or event
 * @param oldestFirst sort oldest first instead of newest first
 * @param offset how many matching deployments to skip
 * @param limit the page size (1 to 500)
 */
public record TimelineQuery(
        String environment,
        String application,
        String status,
        String text,
        boolean oldestFirst,
        int offset,
        int limit) {
    /** The largest page served. */
    public static final int MAX_LIMIT = 500;

    public TimelineQuery {
        environment = blankToNull(environment);
        application = blankToNull(application);
        status = blankToNull(status);
        text = blankToNull(text);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /** Returns the newest 50 deployments, unfiltered. */
    public static TimelineQuery newest() {
        return new TimelineQuery(null, null, null, null, false, 0, 50);
    }

    /** Returns whether a row passes the filters that need no journal read. */
    Predicate<Row> rowFilter() {
        return row -> (environment == null || environment.equals(row.environment()))
                && (application == null || application.equals(row.application()))
                && (status == null || status.equalsIgnoreCase(row.status().name()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
