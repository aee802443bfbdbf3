package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which entries the timeline shows; a null field does not filter. Start from {@link #all()} and narrow it.
 *
 * @param environment only this environment (image builds have none and are left out)
 * @param service only this service (for builds: this repository)
 * @param status only this status
 * @param kind only this kind of entry
 * @param from only entries that started at or after this time
 * @param to only entries that started before this time
 * @param text only entries with this text (case-insensitive) in an id, name, status, digest, tag, reason, user or
 *     event message
 */
public record TimelineFilter(
        String environment,
        String service,
        OperationStatus status,
        EntryKind kind,
        Instant from,
        Instant to,
        String text) {
    /** Returns a filter that keeps everything. */
    public static TimelineFilter all() {
        return new TimelineFilter(null, null, null, null, null, null, null);
    }

    public TimelineFilter withEnvironment(String environment) {
        return new TimelineFilter(environment, service, status, kind, from, to, text);
    }

    public TimelineFilter withService(String service) {
        return new TimelineFilter(environment, service, status, kind, from, to, text);
    }

    public TimelineFilter withStatus(OperationStatus status) {
        return new TimelineFilter(environment, service, status, kind, from, to, text);
    }

    public TimelineFilter withKind(EntryKind kind) {
        return new TimelineFilter(environment, service, status, kind, from, to, text);
    }

    /** Returns this filter limited to entries that started in {@code [from, to)}; either end may be null. */
    public TimelineFilter withTimeRange(Instant from, Instant to) {
        return new TimelineFilter(environment, service, status, kind, from, to, text);
    }

    public TimelineFilter withText(String text) {
        return new TimelineFilter(environment, service, status, kind, from, to, text);
    }

    /** Returns whether the entry passes every filter that is set. */
    public boolean test(HistoryEntry entry) {
        return matches(environment, environmentOf(entry))
                && matches(service, serviceOf(entry))
                && (status == null || status == entry.status())
                && (kind == null || kind == entry.kind())
                && (from == null || !entry.time().isBefore(from))
                && (to == null || entry.time().isBefore(to))
                && (text == null || text.isBlank() || containsText(entry));
    }

    /** Returns the entry's environment, or null for image builds. */
    public static String environmentOf(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry deployment) {
            return deployment.environment();
        }
        return entry instanceof TaskRunEntry task ? task.environment() : null;
    }

    /** Returns the entry's service, or the repository for image builds; null for tasks not tied to a service. */
    public static String serviceOf(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry deployment) {
            return deployment.service();
        }
        if (entry instanceof TaskRunEntry task) {
            return task.service();
        }
        return ((ImageBuildEntry) entry).repository();
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private boolean containsText(HistoryEntry entry) {
        String needle = text.toLowerCase(Locale.ROOT);
        return searchableText(entry)
                .anyMatch(
                        value -> value != null && value.toLowerCase(Locale.ROOT).contains(needle));
    }

    private static Stream<String> searchableText(HistoryEntry entry) {
        Stream<String> common = Stream.of(
                entry.id(),
                entry.status().name(),
                entry.reason(),
                entry.origin() == null ? null : entry.origin().user(),
                entry.origin() == null ? null : entry.origin().buildLabel());
        return Stream.concat(common, specificText(entry));
    }

    private static Stream<String> specificText(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry d) {
            return Stream.of(
                            Stream.of(d.environment(), d.cluster(), d.service(), d.strategy(), d.taskDefinitionArn()),
                            imageText(d.images()),
                            d.events().stream().map(HistoryEvent::message))
                    .flatMap(s -> s);
        }
        if (entry instanceof TaskRunEntry t) {
            return Stream.of(
                            Stream.of(t.environment(), t.cluster(), t.service(), t.taskDefinitionArn(), t.taskArn()),
                            imageText(t.images()),
                            t.command().stream(),
                            t.events().stream().map(HistoryEvent::message))
                    .flatMap(s -> s);
        }
        ImageBuildEntry b = (ImageBuildEntry) entry;
        return Stream.concat(Stream.of(b.repository(), b.digest(), b.buildTool()), b.tags().stream());
    }

    private static Stream<String> imageText(java.util.List<DeployedImage> images) {
        return images.stream().flatMap(image -> Stream.of(image.image(), image.digest()));
    }
}
