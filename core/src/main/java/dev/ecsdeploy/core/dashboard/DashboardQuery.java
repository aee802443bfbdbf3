package dev.ecsdeploy.core.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.core.dashboard.DashboardViews.Cell;
import dev.ecsdeploy.core.dashboard.DashboardViews.Deployment;
import dev.ecsdeploy.core.dashboard.DashboardViews.Diff;
import dev.ecsdeploy.core.dashboard.DashboardViews.Metrics;
import dev.ecsdeploy.core.dashboard.DashboardViews.Now;
import dev.ecsdeploy.core.dashboard.DashboardViews.Page;
import dev.ecsdeploy.core.dashboard.DashboardViews.Promotion;
import dev.ecsdeploy.core.dashboard.DashboardViews.Stage;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.EnvironmentOrder;
import dev.ecsdeploy.core.history.HistoryIndex;
import dev.ecsdeploy.core.history.HistoryIndex.Row;
import dev.ecsdeploy.core.history.HistoryIndex.TargetState;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.KnownGoodMark;
import dev.ecsdeploy.core.history.RecordedFinding;
import dev.ecsdeploy.core.history.RecordedScan;
import dev.ecsdeploy.core.history.TimelineFilter;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.spec.SpecDiff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The dashboard's questions, answered from a {@link HistoryIndex} without Jenkins. Every method takes the
 * "may read job" predicate of the user asking; nothing recorded by a job it rejects reaches the result (entries
 * without a job, as the CLI records them, are tested with {@code null}). Each call first reads what was appended
 * since the last call.
 */
public final class DashboardQuery {
    private final HistoryStore store;
    private final HistoryIndex index;
    private final List<String> environmentOrder;
    private final Function<String, JsonNode> taskDefinitions;
    private final Clock clock;

    private DashboardQuery(
            HistoryStore store,
            List<String> environmentOrder,
            Function<String, JsonNode> taskDefinitions,
            Clock clock) {
        this.store = store;
        this.index = HistoryIndex.of(store);
        this.environmentOrder = List.copyOf(environmentOrder);
        this.taskDefinitions = taskDefinitions;
        this.clock = clock;
    }

    /**
     * Returns a query service over the store.
     *
     * @param environmentOrder the configured environment order; environments not in it follow, in the usual order
     * @param taskDefinitions looks up a task definition's JSON by ARN for diffs (may return null when unknown)
     */
    public static DashboardQuery create(
            HistoryStore store,
            List<String> environmentOrder,
            Function<String, JsonNode> taskDefinitions,
            Clock clock) {
        return new DashboardQuery(store, environmentOrder, taskDefinitions, clock);
    }

    /** Returns the index, for its counters. */
    public HistoryIndex index() {
        return index;
    }

    /** Returns what runs now in every (environment, application) the user may see. */
    public Now now(Predicate<String> mayReadJob) {
        index.refresh();
        var marks = lastMarks();
        var cells = new ArrayList<Cell>();
        index.targets()
                .forEach((key, state) -> cell(key, state, marks, mayReadJob).ifPresent(cells::add));
        var environments =
                orderedEnvironments(cells.stream().map(Cell::environment).toList());
        cells.sort(Comparator.comparingInt((Cell cell) -> environments.indexOf(cell.environment()))
                .thenComparing(cell -> Objects.toString(cell.application(), ""))
                .thenComparing(Cell::target));
        var applications = new TreeSet<String>();
        cells.forEach(cell -> applications.add(Objects.toString(cell.application(), "")));
        return new Now(environments, List.copyOf(applications), cells);
    }

    /** Returns a page of the timeline. */
    public Page timeline(TimelineQuery query, Predicate<String> mayReadJob) {
        index.refresh();
        var textFilter = query.text() == null ? null : TimelineFilter.all().withText(query.text());
        Predicate<Row> filter = query.rowFilter();
        if (textFilter != null) {
            filter = filter.and(row -> textFilter.test(index.read(row)));
        }
        var rows = index.page(mayReadJob, filter, query.oldestFirst(), query.offset(), query.limit() + 1);
        return page(rows, query.offset(), query.limit());
    }

    /** Returns a page of one target's history (a cell's drill-down). */
    public Page targetHistory(String targetKey, int offset, int limit, Predicate<String> mayReadJob) {
        index.refresh();
        int size = Math.max(1, Math.min(TimelineQuery.MAX_LIMIT, limit));
        var rows = index.targetPage(targetKey, mayReadJob, Math.max(0, offset), size + 1);
        return page(rows, Math.max(0, offset), size);
    }

    /** Returns what changed between two deployments, or empty when either is unknown or unreadable. */
    public Optional<Diff> diff(String fromId, String toId, Predicate<String> mayReadJob) {
        index.refresh();
        var from = readable(index.row(fromId), mayReadJob);
        var to = readable(index.row(toId), mayReadJob);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(diff(index.read(from.get()), index.read(to.get())));
    }

    /** Returns what changed between what runs in two environments for an application, or empty. */
    public Optional<Diff> diffEnvironments(
            String application, String fromEnvironment, String toEnvironment, Predicate<String> mayReadJob) {
        index.refresh();
        var from = runningIn(application, fromEnvironment, mayReadJob);
        var to = runningIn(application, toEnvironment, mayReadJob);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(diff(index.read(from.get()), index.read(to.get())));
    }

    /** Returns each application along the environments: which digest is ahead of or behind the one before. */
    public List<Promotion> promotion(Predicate<String> mayReadJob) {
        index.refresh();
        var running = new TreeMap<String, Map<String, Row>>();
        index.targets().values().stream()
                .map(TargetState::running)
                .filter(row -> row != null && mayReadJob.test(row.job()) && row.application() != null)
                .forEach(row -> running.computeIfAbsent(row.application(), app -> new HashMap<>())
                        .merge(row.environment(), row, (a, b) -> a.sortTime() >= b.sortTime() ? a : b));
        var environments = orderedEnvironments(running.values().stream()
                .flatMap(byEnvironment -> byEnvironment.keySet().stream())
                .toList());
        var promotions = new ArrayList<Promotion>();
        running.forEach((application, byEnvironment) ->
                promotions.add(new Promotion(application, stages(application, environments, byEnvironment))));
        return promotions;
    }

    /** Returns the delivery metrics of every environment over the window ending now. */
    public List<Metrics> metrics(Duration window, Predicate<String> mayReadJob) {
        index.refresh();
        Instant since = clock.instant().minus(window);
        var byEnvironment = new LinkedHashMap<String, List<Row>>();
        index.since(since, mayReadJob)
                .forEach(row -> byEnvironment
                        .computeIfAbsent(row.environment(), e -> new ArrayList<>())
                        .add(row));
        var environments = orderedEnvironments(List.copyOf(byEnvironment.keySet()));
        return environments.stream()
                .map(environment -> DeliveryMetrics.of(environment, byEnvironment.get(environment), since, window))
                .toList();
    }

    private List<Stage> stages(String application, List<String> environments, Map<String, Row> byEnvironment) {
        var stages = new ArrayList<Stage>();
        Row upstream = null;
        for (String environment : environments) {
            Row here = byEnvironment.get(environment);
            stages.add(stage(application, environment, here, upstream, stages.isEmpty()));
            upstream = here != null ? here : upstream; // compare with the nearest environment before that runs it
        }
        return stages;
    }

    private Stage stage(String application, String environment, Row here, Row upstream, boolean first) {
        String tag = here == null ? null : tagOf(here);
        if (here == null) {
            return new Stage(environment, null, null, "MISSING", 0);
        }
        if (first || upstream == null || Objects.equals(here.digest(), upstream.digest())) {
            return new Stage(environment, here.digest(), tag, "SAME", 0);
        }
        if (here.digestSequence() < upstream.digestSequence()) {
            long behind = index.digestsBetween(application, here.digestSequence(), upstream.digestSequence());
            return new Stage(environment, here.digest(), tag, "BEHIND", behind);
        }
        long ahead = index.digestsBetween(application, upstream.digestSequence(), here.digestSequence());
        return new Stage(environment, here.digest(), tag, "AHEAD", ahead);
    }

    private String tagOf(Row row) {
        var image = index.read(row).primaryImage();
        return image == null ? null : image.tag();
    }

    private Optional<Row> runningIn(String application, String environment, Predicate<String> mayReadJob) {
        return index.targets().values().stream()
                .map(TargetState::running)
                .filter(row -> row != null
                        && Objects.equals(application, row.application())
                        && Objects.equals(environment, row.environment())
                        && mayReadJob.test(row.job()))
                .max(Comparator.comparingLong(Row::sortTime));
    }

    private Optional<Cell> cell(
            String key, TargetState state, Map<String, KnownGoodMark> marks, Predicate<String> mayReadJob) {
        Row running = readable(state.running(), mayReadJob).orElse(null);
        Row latest = readable(state.latest(), mayReadJob).orElse(running);
        if (latest == null) {
            return Optional.empty();
        }
        DeploymentEntry runningEntry = running == null ? null : index.read(running);
        var findings = runningEntry == null ? null : currentScan(runningEntry, mayReadJob);
        var mark = marks.get(key);
        return Optional.of(new Cell(
                latest.environment(),
                latest.application(),
                key,
                runningEntry == null ? null : deployment(runningEntry, running.rollback()),
                latest.status().name(),
                latest.id(),
                runningEntry == null
                        ? null
                        : runningEntry.finishedAt() != null ? runningEntry.finishedAt() : runningEntry.recordedAt(),
                findings == null ? Map.of() : findings.severityCounts(),
                newFindings(runningEntry, findings),
                mark == null || !mayReadJob.test(jobOf(mark)) ? null : mark.deploymentId()));
    }

    private String jobOf(KnownGoodMark mark) {
        Row row = index.row(mark.deploymentId());
        return row == null ? null : row.job();
    }

    /** The running digest's findings as last scanned: its newest build's scan when readable, else at deploy time. */
    private RecordedScan currentScan(DeploymentEntry running, Predicate<String> mayReadJob) {
        Optional<ImageBuildEntry> build = index.newestBuildOf(running.primaryDigest());
        return build.filter(b -> b.scan() != null
                        && mayReadJob.test(
                                b.origin() == null ? null : b.origin().job()))
                .map(ImageBuildEntry::scan)
                .orElse(running.scan());
    }

    private static List<String> newFindings(DeploymentEntry running, RecordedScan now) {
        if (running == null || now == null || running.scan() == null) {
            return List.of();
        }
        var before = running.scan().findings().stream().map(RecordedFinding::id).toList();
        return now.findings().stream()
                .map(RecordedFinding::id)
                .filter(id -> !before.contains(id))
                .distinct()
                .toList();
    }

    private Map<String, KnownGoodMark> lastMarks() {
        var marks = new HashMap<String, KnownGoodMark>();
        store.knownGoodMarks().forEach(mark -> marks.put(mark.target().key(), mark));
        return marks;
    }

    private Diff diff(DeploymentEntry from, DeploymentEntry to) {
        JsonNode before = from.taskDefinitionArn() == null ? null : taskDefinitions.apply(from.taskDefinitionArn());
        JsonNode after = to.taskDefinitionArn() == null ? null : taskDefinitions.apply(to.taskDefinitionArn());
        var changes = before == null || after == null
                ? List.<SpecDiff.Change>of()
                : SpecDiff.between(before, after).changes();
        var revisions = new ArrayList<String>();
        revisions.add(from.sourceRevision());
        revisions.add(to.sourceRevision());
        var fromFindings = findingIds(from.scan());
        var toFindings = findingIds(to.scan());
        return new Diff(
                deployment(from, rollbackOf(from)),
                deployment(to, rollbackOf(to)),
                !Objects.equals(from.primaryDigest(), to.primaryDigest()),
                changes,
                revisions,
                toFindings.stream().filter(id -> !fromFindings.contains(id)).toList(),
                fromFindings.stream().filter(id -> !toFindings.contains(id)).toList());
    }

    private boolean rollbackOf(DeploymentEntry entry) {
        Row row = index.row(entry.id());
        return row != null && row.rollback();
    }

    private static List<String> findingIds(RecordedScan scan) {
        return scan == null
                ? List.of()
                : List.copyOf(new LinkedHashSet<>(
                        scan.findings().stream().map(RecordedFinding::id).toList()));
    }

    private Page page(List<Row> rows, int offset, int limit) {
        boolean more = rows.size() > limit;
        var items = rows.subList(0, Math.min(limit, rows.size())).stream()
                .map(row -> deployment(index.read(row), row.rollback()))
                .toList();
        return new Page(items, offset, limit, more);
    }

    private static Optional<Row> readable(Row row, Predicate<String> mayReadJob) {
        return row != null && mayReadJob.test(row.job()) ? Optional.of(row) : Optional.empty();
    }

    private List<String> orderedEnvironments(List<String> present) {
        var ordered = new ArrayList<String>();
        environmentOrder.stream().filter(present::contains).forEach(ordered::add);
        EnvironmentOrder.sort(present.stream()
                        .filter(e -> !ordered.contains(e))
                        .distinct()
                        .toList())
                .forEach(ordered::add);
        return ordered;
    }

    static Deployment deployment(DeploymentEntry entry, boolean rollback) {
        var origin = entry.origin();
        var image = entry.primaryImage();
        return new Deployment(
                entry.id(),
                entry.time(),
                entry.finishedAt(),
                entry.environment(),
                entry.application(),
                entry.service(),
                entry.target().key(),
                entry.status().name(),
                entry.strategy(),
                entry.primaryDigest(),
                image == null ? null : image.tag(),
                entry.taskDefinitionArn(),
                origin == null ? null : origin.startedBy(),
                origin == null ? null : origin.job(),
                origin == null ? null : origin.buildNumber(),
                origin == null ? null : origin.buildUrl(),
                origin == null ? null : origin.branch(),
                entry.reason(),
                entry.details(),
                rollback,
                entry.gate() == null ? null : entry.gate().passed(),
                entry.gate() == null ? List.of() : entry.gate().allowListed(),
                entry.events());
    }

    static boolean failed(Row row) {
        return row.status() == OperationStatus.FAILED
                || row.status() == OperationStatus.ROLLED_BACK
                || row.status() == OperationStatus.TIMED_OUT;
    }

    static String day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis)
                .atOffset(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }
}
