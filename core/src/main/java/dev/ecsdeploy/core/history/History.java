package dev.ecsdeploy.core.history;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, queryable view of a history: the newest snapshot of every build, deployment and task, in the order
 * they were last recorded.
 *
 * <pre>{@code
 * History history = store.history();
 * history.currentByEnvironment();                      // what runs now, per environment and service
 * history.timeline(TimelineFilter.all().withEnvironment("prod").withStatus(OperationStatus.ROLLED_BACK));
 * history.promotion(List.of("dev", "staging", "prod"));
 * }</pre>
 */
public final class History {
    private final List<HistoryEntry> entries;
    private final List<ServiceState> current;

    private History(List<HistoryEntry> entries) {
        this.entries = entries;
        var states = new ServiceStates();
        entries.forEach(states::accept);
        this.current = states.result();
    }

    /**
     * Returns the history of entries given in the order they were recorded; when several share a kind and id, the
     * last one recorded supersedes the others and takes their place at its own position.
     */
    public static History of(Collection<? extends HistoryEntry> recordedInOrder) {
        var newest = new LinkedHashMap<String, HistoryEntry>();
        for (HistoryEntry entry : recordedInOrder) {
            newest.remove(entry.key());
            newest.put(entry.key(), entry);
        }
        return new History(List.copyOf(newest.values()));
    }

    /** Returns the newest snapshot of every operation, in the order they were last recorded. */
    public List<HistoryEntry> entries() {
        return entries;
    }

    /**
     * Returns what runs now in every (environment, service) ever deployed: the last successful deployment, with
     * the latest attempt (which may have failed or still run), sorted by environment in promotion order, then by
     * service.
     */
    public List<ServiceState> current() {
        return current;
    }

    /** Returns {@link #current()} grouped by environment, in promotion order. */
    public Map<String, List<ServiceState>> currentByEnvironment() {
        var grouped = new LinkedHashMap<String, List<ServiceState>>();
        current.forEach(state -> grouped.computeIfAbsent(state.environment(), e -> new java.util.ArrayList<>())
                .add(state));
        grouped.replaceAll((environment, states) -> List.copyOf(states));
        return java.util.Collections.unmodifiableMap(grouped);
    }

    /** Returns the entries that pass the filter, the newest first (by start time). */
    public List<HistoryEntry> timeline(TimelineFilter filter) {
        return entries.stream()
                .filter(filter::test)
                .sorted(Comparator.comparing(HistoryEntry::time).reversed())
                .toList();
    }

    /** Returns the last deployment recorded as SUCCEEDED for the service in the environment. */
    public Optional<DeploymentEntry> lastSuccessful(String environment, String service) {
        return current.stream()
                .filter(state -> state.environment().equals(environment)
                        && state.service().equals(service))
                .map(ServiceState::running)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * Returns which digest runs in which of the given environments and how far each lags the one before it.
     *
     * @param environments the environments in promotion order, such as dev, staging, prod
     */
    public PromotionView promotion(List<String> environments) {
        return Promotion.compute(entries, current, List.copyOf(environments));
    }

    /** Returns every environment that has a deployment or task, in promotion order ({@link EnvironmentOrder}). */
    public List<String> environments() {
        return EnvironmentOrder.sort(entries.stream()
                .map(TimelineFilter::environmentOf)
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    /** Returns the image builds, the newest first. */
    public List<ImageBuildEntry> builds() {
        return timeline(TimelineFilter.all().withKind(EntryKind.BUILD)).stream()
                .map(ImageBuildEntry.class::cast)
                .toList();
    }

    /** Returns the newest build that pushed the digest. */
    public Optional<ImageBuildEntry> buildOf(String digest) {
        return builds().stream().filter(build -> digest.equals(build.digest())).findFirst();
    }
}
