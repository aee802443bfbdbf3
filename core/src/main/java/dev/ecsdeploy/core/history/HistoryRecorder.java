package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.scan.ScanGate;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.source.SourceCommit;
import dev.ecsdeploy.core.task.ContainerOverrides;
import dev.ecsdeploy.core.task.ContainerResult;
import dev.ecsdeploy.core.task.TaskResult;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns what the engines return into history entries and appends them to a {@link HistoryStore}: a deployment record,
 * a task run result, a push with its scan. An operation can be recorded when it starts ({@code IN_PROGRESS}, with
 * {@code ...Started}) and completed when it ends ({@code ...Finished} with the {@link StartedOperation}); the final
 * entry reuses the id, so it supersedes the first. A store that cannot be written costs a warning event, never the
 * operation's verdict: every method returns the entry it meant to record.
 *
 * <pre>{@code
 * HistoryRecorder history = HistoryRecorder.builder()
 *         .store(HistoryStore.open(dir, listener)).region("eu-west-1").origin(Origin.user("ci")).build();
 * StartedOperation started = history.deploymentStarted(request);
 * DeploymentRecord record = engine.deploy(request, listener, policy, sleeper);
 * history.deploymentFinished(started, record);
 * }</pre>
 */
public final class HistoryRecorder {
    /** The most events a deployment entry keeps: the last ones, where the verdict is explained. */
    public static final int MAX_EVENTS = 200;

    private final HistoryStore store;
    private final Clock clock;
    private final String region;
    private final Origin origin;
    private final String application;
    private final ProgressListener listener;
    private final Supplier<String> ids;
    private final Consumer<HistoryEntry> recorded;
    private final Function<String, ImageBuildEntry> buildOfDigest;
    private final Map<String, HistoryEntry> startedEntries = new java.util.concurrent.ConcurrentHashMap<>();

    private HistoryRecorder(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.clock = builder.clock;
        this.region = builder.region;
        this.origin = builder.origin;
        this.application = builder.application;
        this.listener = builder.listener;
        this.ids = builder.ids;
        this.recorded = builder.recorded;
        this.buildOfDigest = builder.buildOfDigest;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Records a deployment that starts now as {@code IN_PROGRESS}. */
    public StartedOperation deploymentStarted(DeploymentRequest request) {
        String id = ids.get();
        Instant startedAt = now();
        return start(DeploymentEntry.builder()
                .id(id)
                .recordedAt(startedAt)
                .region(region)
                .environment(request.environment())
                .cluster(request.cluster())
                .service(request.service())
                .strategy(request.strategy().apiName())
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(startedAt)
                .origin(origin)
                .application(application)
                .build());
    }

    /** Records a finished deployment that was not recorded when it started. */
    public DeploymentEntry deploymentFinished(DeploymentRecord record) {
        String id = firstNonNull(record.serviceDeploymentArn(), record.deploymentId(), ids.get());
        return deploymentFinished(new StartedOperation(id, record.startedAt()), record);
    }

    /** Completes the entry of a deployment recorded by {@link #deploymentStarted}. */
    public DeploymentEntry deploymentFinished(StartedOperation started, DeploymentRecord record) {
        String arn = record.newTaskDefinitionArn();
        return append(withImageBuild(DeploymentEntry.builder()
                .id(started.id())
                .recordedAt(now())
                .region(region)
                .accountId(accountOf(arn))
                .environment(record.environment())
                .cluster(record.cluster())
                .service(record.service())
                .strategy(record.strategy())
                .previousTaskDefinitionArn(record.previousTaskDefinitionArn())
                .taskDefinitionArn(arn)
                .images(images(record.imageDigests()))
                .serviceDeploymentArn(record.serviceDeploymentArn())
                .status(record.operationStatus())
                .reason(record.succeeded() || record.reason().isBlank() ? null : record.reason())
                .details(record.details().isEmpty() ? null : String.join("\n", record.details()))
                .startedAt(record.startedAt() == null ? started.startedAt() : record.startedAt())
                .finishedAt(record.finishedAt())
                .events(lastEvents(record.events().stream()
                        .map(e -> new HistoryEvent(e.time(), e.message()))
                        .toList()))
                .origin(origin)
                .application(application)));
    }

    /**
     * Adds what the build of the primary image knew at deploy time: its scan summary, gate decision (with any
     * allow-list override), build id and source revision, when {@link Builder#imageBuilds} knows that build.
     */
    private DeploymentEntry withImageBuild(DeploymentEntry.Builder builder) {
        DeploymentEntry entry = builder.build();
        String digest = entry.primaryDigest();
        ImageBuildEntry build = digest == null ? null : buildOfDigest.apply(digest);
        if (build == null) {
            return entry;
        }
        return entry.toBuilder()
                .buildId(build.id())
                .scan(build.scan())
                .gate(build.gate())
                .sourceRevision(build.revision())
                .sourceCommittedAt(build.revisionCommittedAt())
                .build();
    }

    /**
     * Completes the entry of a task run recorded by {@link #taskRunStarted} from what the start recorded (cluster,
     * service, images, command, environment), for a caller that no longer has the request, such as a wait resumed
     * after a restart. Falls back to an entry without them when the start is neither remembered nor in the store.
     */
    public TaskRunEntry taskRunFinished(StartedOperation started, TaskRunResult result) {
        TaskResult first = first(result);
        TaskRunEntry.Builder entry = started(started.id()) instanceof TaskRunEntry start
                ? start.toBuilder()
                : TaskRunEntry.builder().cluster(clusterOf(first)).origin(origin);
        return append(entry.id(started.id())
                .recordedAt(now())
                .region(region)
                .accountId(accountOf(result.taskDefinitionArn()))
                .taskDefinitionArn(result.taskDefinitionArn())
                .taskArn(first == null ? null : first.taskArn())
                .exitCode(first == null ? null : exitCode(first))
                .status(result.operationStatus())
                .reason(result.succeeded() ? null : result.message())
                .startedAt(first == null || first.startedAt() == null ? started.startedAt() : first.startedAt())
                .finishedAt(first == null ? null : first.stoppedAt())
                .events(result.problems().stream()
                        .map(problem -> new HistoryEvent(now(), problem))
                        .toList())
                .build());
    }

    /** The cluster of a task ARN (arn:aws:ecs:region:account:task/cluster/id), or "unknown". */
    private static String clusterOf(TaskResult task) {
        String[] parts = task == null ? new String[0] : task.taskArn().split("/");
        return parts.length == 3 ? parts[1] : "unknown";
    }

    /** Records a task run that starts now as {@code IN_PROGRESS}. */
    public StartedOperation taskRunStarted(TaskRunRequest request, String environment) {
        String id = ids.get();
        Instant startedAt = now();
        return start(TaskRunEntry.builder()
                .id(id)
                .recordedAt(startedAt)
                .region(region)
                .environment(environment)
                .cluster(request.cluster())
                .service(request.taskDefinitionOfService())
                .taskDefinitionArn(request.taskDefinition())
                .images(images(request.containerImages()))
                .command(command(request))
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(startedAt)
                .origin(origin)
                .build());
    }

    /**
     * Records the ARN of the task a started run launched, once, so that a process killed while the task runs leaves
     * an entry that {@link HistoryReconciler} can ask ECS about. Later calls with the same ARN record nothing.
     */
    public void taskRunLaunched(StartedOperation started, String taskArn) {
        if (started(started.id()) instanceof TaskRunEntry start
                && start.status() == OperationStatus.IN_PROGRESS
                && start.taskArn() == null) {
            TaskRunEntry launched =
                    start.toBuilder().recordedAt(now()).taskArn(taskArn).build();
            startedEntries.put(started.id(), launched);
            append(launched);
        }
    }

    /** Records a finished task run that was not recorded when it started; its id is the first task's ARN. */
    public TaskRunEntry taskRunFinished(TaskRunRequest request, String environment, TaskRunResult result) {
        TaskResult first = first(result);
        String id = first == null ? ids.get() : first.taskArn();
        Instant startedAt = first == null || first.startedAt() == null ? now() : first.startedAt();
        return taskRunFinished(new StartedOperation(id, startedAt), request, environment, result);
    }

    /** Completes the entry of a task run recorded by {@link #taskRunStarted}. */
    public TaskRunEntry taskRunFinished(
            StartedOperation started, TaskRunRequest request, String environment, TaskRunResult result) {
        TaskResult first = first(result);
        return append(TaskRunEntry.builder()
                .id(started.id())
                .recordedAt(now())
                .region(region)
                .accountId(accountOf(result.taskDefinitionArn()))
                .environment(environment)
                .cluster(request.cluster())
                .service(request.taskDefinitionOfService())
                .taskDefinitionArn(result.taskDefinitionArn())
                .taskArn(first == null ? null : first.taskArn())
                .images(images(request.containerImages()))
                .command(command(request))
                .exitCode(first == null ? null : exitCode(first))
                .status(result.operationStatus())
                .reason(result.succeeded() ? null : result.message())
                .startedAt(first == null || first.startedAt() == null ? started.startedAt() : first.startedAt())
                .finishedAt(first == null ? null : first.stoppedAt())
                .events(result.problems().stream()
                        .map(problem -> new HistoryEvent(now(), problem))
                        .toList())
                .origin(origin)
                .build());
    }

    /** Records an image build that starts now as {@code IN_PROGRESS}, with the request's revision (time unknown). */
    public StartedOperation buildStarted(BuildPushRequest request) {
        return buildStarted(
                request,
                request.revision() == null || request.revision().isBlank()
                        ? null
                        : new SourceCommit(request.revision(), null));
    }

    /**
     * Records an image build that starts now as {@code IN_PROGRESS}, built from {@code commit} (or null when unknown);
     * {@link #buildFinished(StartedOperation, PushResult, ScanResult, ScanGate)} keeps the commit.
     */
    public StartedOperation buildStarted(BuildPushRequest request, SourceCommit commit) {
        return buildStarted(request.repository().name(), request.tags(), commit);
    }

    /** Records an image build that starts now as {@code IN_PROGRESS}, given the repository name and the tags. */
    public StartedOperation buildStarted(String repository, List<String> tags) {
        return buildStarted(repository, tags, null);
    }

    /** Records an image build of {@code commit} (or null when unknown) that starts now as {@code IN_PROGRESS}. */
    public StartedOperation buildStarted(String repository, List<String> tags, SourceCommit commit) {
        String id = ids.get();
        Instant startedAt = now();
        return start(ImageBuildEntry.builder()
                .id(id)
                .recordedAt(startedAt)
                .region(region)
                .repository(repository)
                .tags(tags)
                .status(OperationStatus.IN_PROGRESS)
                .startedAt(startedAt)
                .origin(origin)
                .revision(commit == null ? null : commit.revision())
                .revisionCommittedAt(commit == null ? null : commit.committedAt())
                .build());
    }

    /**
     * Completes the entry of a build recorded by {@link #buildStarted}: the push, and the scan with its gate when
     * there was one ({@code scan} and {@code gate} may be null), and the commit the start recorded. A broken gate
     * makes the build FAILED.
     */
    public ImageBuildEntry buildFinished(StartedOperation started, PushResult pushed, ScanResult scan, ScanGate gate) {
        return buildFinished(started, pushed, scan, gate, null);
    }

    /**
     * Completes the entry of a build recorded by {@link #buildStarted} like {@link #buildFinished(StartedOperation,
     * PushResult, ScanResult, ScanGate)}, with the commit learnt during the build (such as its time, read on the build
     * machine) instead of the one the start recorded; null keeps the start's.
     */
    public ImageBuildEntry buildFinished(
            StartedOperation started, PushResult pushed, ScanResult scan, ScanGate gate, SourceCommit commit) {
        boolean gateBroken = scan != null && scan.verdict() == ScanVerdict.FAIL;
        ImageBuildEntry start = started(started.id()) instanceof ImageBuildEntry build ? build : null;
        String revision = commit != null ? commit.revision() : start == null ? null : start.revision();
        Instant committedAt =
                commit != null ? commit.committedAt() : start == null ? null : start.revisionCommittedAt();
        return append(ImageBuildEntry.builder()
                .id(started.id())
                .recordedAt(now())
                .region(region)
                .registry(pushed.registry())
                .repository(repositoryName(pushed))
                .tags(pushed.tags())
                .digest(pushed.digest())
                .buildTool(pushed.builder())
                .scan(scan == null ? null : scanReport(scan))
                .gate(scan == null || scan.gate() == null ? null : gate(scan, gate))
                .status(gateBroken ? OperationStatus.FAILED : OperationStatus.SUCCEEDED)
                .reason(gateBroken ? scan.message() : null)
                .startedAt(started.startedAt())
                .finishedAt(now())
                .origin(origin)
                .revision(revision)
                .revisionCommittedAt(committedAt)
                .build());
    }

    /** Records a finished build that was not recorded when it started. */
    public ImageBuildEntry buildFinished(Instant startedAt, PushResult pushed, ScanResult scan, ScanGate gate) {
        return buildFinished(new StartedOperation(ids.get(), startedAt), pushed, scan, gate);
    }

    /**
     * Records that a started operation ended without a result from its engine (the engine threw, or the wait was
     * given up): the entry keeps what the start recorded and ends as {@code status} with the reason. Does nothing
     * when the start entry is neither remembered by this recorder nor in the store.
     */
    public void ended(StartedOperation started, OperationStatus status, String reason) {
        HistoryEntry start = started(started.id());
        Instant now = now();
        if (start instanceof DeploymentEntry deployment) {
            append(deployment.toBuilder()
                    .recordedAt(now)
                    .status(status)
                    .reason(reason)
                    .finishedAt(now)
                    .build());
        } else if (start instanceof TaskRunEntry task) {
            append(task.toBuilder()
                    .recordedAt(now)
                    .status(status)
                    .reason(reason)
                    .finishedAt(now)
                    .build());
        } else if (start instanceof ImageBuildEntry build) {
            append(build.toBuilder()
                    .recordedAt(now)
                    .status(status)
                    .reason(reason)
                    .finishedAt(now)
                    .build());
        }
    }

    private HistoryEntry started(String id) {
        HistoryEntry remembered = startedEntries.get(id);
        if (remembered != null) {
            return remembered;
        }
        try {
            return store.history().entries().stream()
                    .filter(entry -> entry.id().equals(id))
                    .reduce((older, newer) -> newer)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private StartedOperation start(HistoryEntry entry) {
        startedEntries.put(entry.id(), entry);
        append(entry);
        return new StartedOperation(entry.id(), entry.startedAt());
    }

    private <T extends HistoryEntry> T append(T entry) {
        try {
            store.append(entry);
            recorded.accept(entry);
        } catch (RuntimeException e) {
            listener.onEvent(ProgressEvent.warning(
                    now(),
                    EventKinds.HISTORY_NOT_RECORDED,
                    "history not recorded in " + store.directory() + ": " + e.getMessage()));
        }
        return entry;
    }

    private static TaskResult first(TaskRunResult result) {
        return result.tasks().isEmpty() ? null : result.tasks().get(0);
    }

    private static List<String> command(TaskRunRequest request) {
        return request.containerOverrides().stream()
                .map(ContainerOverrides::command)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(List.of());
    }

    private static List<DeployedImage> images(Map<String, String> byContainer) {
        return byContainer.entrySet().stream()
                .map(e -> new DeployedImage(e.getKey(), e.getValue(), digestOf(e.getValue())))
                .toList();
    }

    private static String digestOf(String image) {
        int at = image.indexOf('@');
        return at < 0 ? null : image.substring(at + 1);
    }

    /** The first non-zero exit code of an essential container, else the first exit code known. */
    private static Integer exitCode(TaskResult task) {
        return task.containers().stream()
                .filter(ContainerResult::essential)
                .map(ContainerResult::exitCode)
                .filter(Objects::nonNull)
                .filter(code -> code != 0)
                .findFirst()
                .orElseGet(() -> task.containers().stream()
                        .map(ContainerResult::exitCode)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    private static RecordedScan scanReport(ScanResult scan) {
        return scan.findings()
                .map(report -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    report.severityCounts().forEach((severity, count) -> counts.put(severity.name(), count));
                    List<RecordedFinding> findings = report.findings().stream()
                            .map(f -> new RecordedFinding(
                                    f.id(),
                                    f.severity().name(),
                                    f.packageName(),
                                    f.installedVersion(),
                                    f.fixedVersion(),
                                    f.uri(),
                                    f.description()))
                            .toList();
                    return new RecordedScan(report.status(), report.completedAt(), counts, findings);
                })
                .orElseGet(() -> new RecordedScan(scan.outcome().name(), null, Map.of(), List.of()));
    }

    private static RecordedGate gate(ScanResult scan, ScanGate gate) {
        return new RecordedGate(
                scan.gate().passed(),
                policy(gate),
                scan.gate().describe(),
                scan.gate().allowListed());
    }

    /** The gate's thresholds as users write them, e.g. {@code CRITICAL=0,HIGH=5}. */
    static String policy(ScanGate gate) {
        if (gate == null) {
            return "";
        }
        return gate.thresholds().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static List<HistoryEvent> lastEvents(List<HistoryEvent> events) {
        return events.size() <= MAX_EVENTS ? events : events.subList(events.size() - MAX_EVENTS, events.size());
    }

    private static String repositoryName(PushResult pushed) {
        String prefix = pushed.registry() + "/";
        String uri = pushed.repositoryUri();
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    }

    /** The account is the fifth field of an ARN: arn:aws:ecs:region:account:…; null when unknown. */
    private static String accountOf(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }

    private Instant now() {
        return clock.instant();
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * A lookup for {@link Builder#imageBuilds} over a store: the newest build that pushed a digest, in its history,
     * or null when the image was not built by us (or the store cannot be read).
     */
    public static Function<String, ImageBuildEntry> newestBuildIn(HistoryStore store) {
        return digest -> {
            try {
                return newestBuild(store.history().entries(), digest);
            } catch (RuntimeException e) {
                return null;
            }
        };
    }

    /** The newest build that pushed {@code digest} among entries in recorded order, or null. */
    public static ImageBuildEntry newestBuild(List<? extends HistoryEntry> entries, String digest) {
        ImageBuildEntry newest = null;
        for (HistoryEntry entry : entries) {
            if (entry instanceof ImageBuildEntry build && digest.equals(build.digest())) {
                newest = build;
            }
        }
        return newest;
    }

    /** Configures a {@link HistoryRecorder}. */
    public static final class Builder {
        private HistoryStore store;
        private Clock clock = Clock.systemUTC();
        private String region;
        private Origin origin;
        private String application;
        private ProgressListener listener = event -> {};
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private Consumer<HistoryEntry> recorded = entry -> {};
        private Function<String, ImageBuildEntry> buildOfDigest = digest -> null;

        private Builder() {}

        /** Told of every entry once the store has it (a Jenkins build keeps a copy to repair the store from). */
        public Builder onRecorded(Consumer<HistoryEntry> value) {
            this.recorded = Objects.requireNonNull(value, "recorded");
            return this;
        }

        /**
         * Finds the build of an image by its digest (or null), so that a deployment records the scan, gate and source
         * revision its image had at deploy time; by default none is known.
         */
        public Builder imageBuilds(Function<String, ImageBuildEntry> value) {
            this.buildOfDigest = Objects.requireNonNull(value, "imageBuilds");
            return this;
        }

        /** The store entries go to. */
        public Builder store(HistoryStore value) {
            this.store = value;
            return this;
        }

        /** When entries are recorded; defaults to the system UTC clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The AWS region the operations ran in. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /** Who started the operations, and from which build. */
        public Builder origin(Origin value) {
            this.origin = value;
            return this;
        }

        /**
         * The application deployments belong to (the step's {@code application} parameter); null, the default,
         * files each deployment under its primary image's repository name.
         */
        public Builder application(String value) {
            this.application = value;
            return this;
        }

        /** Where the warning goes when the store cannot be written. */
        public Builder progressListener(ProgressListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Where new entry ids come from; random UUIDs by default (tests fix them). */
        public Builder ids(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        public HistoryRecorder build() {
            return new HistoryRecorder(this);
        }
    }
}
