package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** What every row of the build page shares: the history entry's id, status, reason and timings. */
@ExportedBean(defaultVisibility = 2)
public abstract class EntryRow {
    private final HistoryEntry entry;

    EntryRow(HistoryEntry entry) {
        this.entry = entry;
    }

    /** The history entry's id, shared by its in-progress and final states. */
    @Exported
    public String getId() {
        return entry.id();
    }

    @Exported
    public String getStatus() {
        return entry.status().name();
    }

    /** The concise reason it failed, or null. */
    @Exported
    public String getReason() {
        return entry.reason();
    }

    @Exported
    public String getRegion() {
        return entry.region();
    }

    /** ISO-8601 instants, as the history keeps them. */
    @Exported
    public String getStartedAt() {
        return text(entry.startedAt());
    }

    @Exported
    public String getFinishedAt() {
        return text(entry.finishedAt());
    }

    /** Seconds from start to end, or null while it runs. */
    @Exported
    public Long getDurationSeconds() {
        return entry.startedAt() == null || entry.finishedAt() == null
                ? null
                : Duration.between(entry.startedAt(), entry.finishedAt()).toSeconds();
    }

    /** The duration as people read it ({@code 3m 12s}), or "running". */
    public String getDuration() {
        Long seconds = getDurationSeconds();
        if (seconds == null) {
            return entry.status().terminal() ? "" : "running";
        }
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m " + seconds % 60 + "s";
    }

    /** The detail page, relative to the action: {@code image/<id>}, {@code deployment/<id>}, {@code task/<id>}. */
    @Exported
    public String getUrl() {
        return kind() + "/" + URLEncoder.encode(entry.id(), StandardCharsets.UTF_8);
    }

    abstract String kind();

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static List<EventRow> events(List<HistoryEvent> events) {
        return events.stream().map(EventRow::new).toList();
    }

    /** The last segment of an ARN's resource (the {@code family:revision} of a task definition), or null. */
    static String shortName(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** One event of an operation, with its time. */
    @ExportedBean(defaultVisibility = 2)
    public static final class EventRow {
        private final HistoryEvent event;

        EventRow(HistoryEvent event) {
            this.event = event;
        }

        @Exported
        public String getTime() {
            return text(event.time());
        }

        @Exported
        public String getMessage() {
            return event.message();
        }
    }
}
