package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.aws.AwsFailure;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Ends the entries a killed process left {@code IN_PROGRESS}, from what AWS says happened to them. A process records
 * an entry when an operation starts and completes it when it ends; when the process dies in between, the entry stays
 * {@code IN_PROGRESS} until the next command asks ECS:
 *
 * <ul>
 *   <li>a deployment: the first service deployment of the service created at or after the entry's start. Its final
 *       status ends the entry (SUCCESSFUL as SUCCEEDED, ROLLBACK_SUCCESSFUL as ROLLED_BACK, ROLLBACK_FAILED as FAILED,
 *       STOPPED as STOPPED); one still in flight leaves the entry alone. When none was created and the entry is older
 *       than {@link Builder#staleAfter}, the process ended before UpdateService and the entry ends FAILED.
 *   <li>a task run with a recorded task ARN: DescribeTasks; a STOPPED task ends it with its exit code.
 *   <li>an image build older than {@link Builder#staleAfter}: FAILED, since a build cannot be asked about.
 * </ul>
 *
 * <p>Only entries of this reconciler's region are considered. A live process may still follow an entry; it is left
 * alone while AWS says the operation is running, and a process that finishes later appends its own final entry, which
 * supersedes this one. Reconciling twice records nothing the second time: the final entry is no longer
 * {@code IN_PROGRESS}. Each reconciled entry is announced as a {@code history.reconciled} event.
 */
public final class HistoryReconciler {
    /** How long an operation AWS knows nothing about may still belong to a live process. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(2);

    private static final String PREFIX = "reconciled with AWS after the process that recorded it ended: ";

    private final HistoryStore store;
    private final EcsClient ecs;
    private final String region;
    private final Clock clock;
    private final ProgressListener listener;
    private final Duration staleAfter;

    private HistoryReconciler(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store");
        this.ecs = Objects.requireNonNull(builder.ecs, "ecs");
        this.region = Require.text(builder.region, "region");
        this.clock = builder.clock;
        this.listener = builder.listener;
        this.staleAfter = builder.staleAfter;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reconciles every {@code IN_PROGRESS} entry of the region; returns the final entries it appended. */
    public List<HistoryEntry> reconcileAll() {
        return reconcile(entry -> true);
    }

    /** Reconciles the deployments of one service and the task runs in its cluster. */
    public List<HistoryEntry> reconcileService(String cluster, String service) {
        return reconcile(entry ->
                entry instanceof DeploymentEntry d && d.cluster().equals(cluster) && service.equals(d.service())
                        || entry instanceof TaskRunEntry t && t.cluster().equals(cluster));
    }

    /** Reconciles the task runs of one cluster. */
    public List<HistoryEntry> reconcileTaskRuns(String cluster) {
        return reconcile(entry -> entry instanceof TaskRunEntry t && t.cluster().equals(cluster));
    }

    /** Reconciles the image builds (which AWS cannot be asked about: only stale ones end). */
    public List<HistoryEntry> reconcileBuilds() {
        return reconcile(entry -> entry instanceof ImageBuildEntry);
    }

    private List<HistoryEntry> reconcile(Predicate<HistoryEntry> scope) {
        List<HistoryEntry> reconciled = new ArrayList<>();
        for (HistoryEntry entry : store.history().entries()) {
            if (entry.status() == OperationStatus.IN_PROGRESS && ofThisRegion(entry) && scope.test(entry)) {
                Optional<HistoryEntry> ended = reconcile(entry);
                ended.ifPresent(done -> {
                    store.append(done);
                    reconciled.add(done);
                    listener.onEvent(ProgressEvent.info(now(), EventKinds.HISTORY_RECONCILED, describe(done))
                            .withAttribute("id", done.id()));
                });
            }
        }
        return List.copyOf(reconciled);
    }

    private boolean ofThisRegion(HistoryEntry entry) {
        return entry.region() == null || entry.region().equals(region);
    }

    private Optional<HistoryEntry> reconcile(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry d) {
            return deployment(d).map(HistoryEntry.class::cast);
        }
        if (entry instanceof TaskRunEntry t) {
            return taskRun(t).map(HistoryEntry.class::cast);
        }
        return build((ImageBuildEntry) entry).map(HistoryEntry.class::cast);
    }

    private Optional<DeploymentEntry> deployment(DeploymentEntry entry) {
        Optional<ServiceDeploymentBrief> found;
        try {
            found = firstServiceDeploymentSince(entry);
        } catch (SdkException e) {
            if (!AwsFailure.isUnknownOperation(e)) {
                throw e;
            }
            return deploymentFromService(entry);
        }
        if (found.isEmpty()) {
            return ecsControlled(
                            ecs.describeServices(r -> r.cluster(entry.cluster()).services(entry.service()))
                                    .services())
                    ? notStarted(entry)
                    : Optional.empty();
        }
        ServiceDeploymentBrief sd = found.get();
        OperationStatus status = statusOf(sd.statusAsString());
        if (!status.terminal()) {
            return Optional.empty();
        }
        String why = sd.statusReason() == null ? "" : " (" + sd.statusReason() + ")";
        return Optional.of(entry.toBuilder()
                .recordedAt(now())
                .serviceDeploymentArn(sd.serviceDeploymentArn())
                .status(status)
                .reason(PREFIX + "ECS says service deployment " + sd.serviceDeploymentArn() + " is "
                        + sd.statusAsString() + why)
                .finishedAt(sd.finishedAt() == null ? now() : sd.finishedAt())
                .build());
    }

    private Optional<ServiceDeploymentBrief> firstServiceDeploymentSince(DeploymentEntry entry) {
        List<ServiceDeploymentBrief> all = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            var page = ecs.listServiceDeployments(
                    r -> r.cluster(entry.cluster()).service(entry.service()).nextToken(token));
            all.addAll(page.serviceDeployments());
            next = page.nextToken();
        } while (next != null);
        return all.stream()
                .filter(sd -> sd.createdAt() != null && !sd.createdAt().isBefore(since(entry)))
                .min(Comparator.comparing(ServiceDeploymentBrief::createdAt));
    }

    /**
     * Whether ECS itself deploys the service: CodeDeploy and external controllers make no service deployments, so
     * their absence says nothing about a deployment started through CodeDeploy.
     */
    private static boolean ecsControlled(List<Service> services) {
        return services.stream()
                .allMatch(s -> s.deploymentController() == null
                        || "ECS".equals(s.deploymentController().typeAsString()));
    }

    /** ECS's service deployment statuses; any other (PENDING, IN_PROGRESS, ..._REQUESTED) is still in flight. */
    private static OperationStatus statusOf(String status) {
        return switch (status) {
            case "SUCCESSFUL" -> OperationStatus.SUCCEEDED;
            case "ROLLBACK_SUCCESSFUL" -> OperationStatus.ROLLED_BACK;
            case "ROLLBACK_FAILED" -> OperationStatus.FAILED;
            case "STOPPED" -> OperationStatus.STOPPED;
            default -> OperationStatus.IN_PROGRESS;
        };
    }

    /**
     * An endpoint without service deployments: DescribeServices' deployments[] only. A deployment that failed is
     * visible there while it is listed; a COMPLETED one after the start may be the circuit breaker's rollback, which
     * this list cannot tell from ours, so the entry is left alone.
     */
    private Optional<DeploymentEntry> deploymentFromService(DeploymentEntry entry) {
        List<Service> services = ecs.describeServices(
                        r -> r.cluster(entry.cluster()).services(entry.service()))
                .services();
        Optional<Deployment> first = services.stream()
                .flatMap(s -> s.deployments().stream())
                .filter(d -> d.createdAt() != null && !d.createdAt().isBefore(since(entry)))
                .min(Comparator.comparing(Deployment::createdAt));
        if (first.isEmpty()) {
            return services.isEmpty() || !ecsControlled(services) ? Optional.empty() : notStarted(entry);
        }
        Deployment deployment = first.get();
        if (!"FAILED".equals(deployment.rolloutStateAsString())) {
            return Optional.empty();
        }
        return Optional.of(entry.toBuilder()
                .recordedAt(now())
                .status(OperationStatus.FAILED)
                .reason(PREFIX + "ECS says deployment " + deployment.id() + " FAILED ("
                        + deployment.rolloutStateReason() + ")")
                .finishedAt(deployment.updatedAt() == null ? now() : deployment.updatedAt())
                .build());
    }

    /** The entry's start to the second: ECS's timestamps are coarser than the clock that stamped the entry. */
    private static Instant since(HistoryEntry entry) {
        return entry.startedAt().truncatedTo(ChronoUnit.SECONDS);
    }

    private Optional<DeploymentEntry> notStarted(DeploymentEntry entry) {
        if (!stale(entry)) {
            return Optional.empty();
        }
        return Optional.of(entry.toBuilder()
                .recordedAt(now())
                .status(OperationStatus.FAILED)
                .reason(PREFIX + "the process ended before the deployment started; nothing was changed in the"
                        + " service (ECS lists no deployment of it since " + entry.startedAt() + ")")
                .finishedAt(now())
                .build());
    }

    private Optional<TaskRunEntry> taskRun(TaskRunEntry entry) {
        if (entry.taskArn() == null) {
            return Optional.empty(); // nothing to ask ECS about: the process ended before RunTask answered
        }
        var described = ecs.describeTasks(r -> r.cluster(entry.cluster()).tasks(entry.taskArn()));
        Optional<Task> task = described.tasks().stream().findFirst();
        if (task.isEmpty()) {
            return stale(entry) ? Optional.of(forgotten(entry)) : Optional.empty();
        }
        if (!"STOPPED".equals(task.get().lastStatus())) {
            return Optional.empty();
        }
        Task stopped = task.get();
        Integer exitCode = exitCode(stopped);
        boolean succeeded = exitCode != null && exitCode == 0;
        return Optional.of(entry.toBuilder()
                .recordedAt(now())
                .taskDefinitionArn(stopped.taskDefinitionArn())
                .exitCode(exitCode)
                .status(succeeded ? OperationStatus.SUCCEEDED : OperationStatus.FAILED)
                .reason(PREFIX + "ECS says task " + entry.taskArn() + " STOPPED (" + stopped.stoppedReason()
                        + "), exit code " + exitCode)
                .finishedAt(stopped.stoppedAt() == null ? now() : stopped.stoppedAt())
                .build());
    }

    private TaskRunEntry forgotten(TaskRunEntry entry) {
        return entry.toBuilder()
                .recordedAt(now())
                .status(OperationStatus.FAILED)
                .reason(PREFIX + "ECS no longer knows task " + entry.taskArn()
                        + " (it forgets stopped tasks); its exit code is lost")
                .finishedAt(now())
                .build();
    }

    /** The first non-zero exit code of an essential container, else the first exit code known. */
    private static Integer exitCode(Task task) {
        return task.containers().stream()
                .map(Container::exitCode)
                .filter(Objects::nonNull)
                .filter(code -> code != 0)
                .findFirst()
                .orElseGet(() -> task.containers().stream()
                        .map(Container::exitCode)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null));
    }

    private Optional<ImageBuildEntry> build(ImageBuildEntry entry) {
        if (!stale(entry)) {
            return Optional.empty();
        }
        return Optional.of(entry.toBuilder()
                .recordedAt(now())
                .status(OperationStatus.FAILED)
                .reason(PREFIX + "the process ended before the push finished")
                .finishedAt(now())
                .build());
    }

    private boolean stale(HistoryEntry entry) {
        Instant since = entry.startedAt() == null ? entry.recordedAt() : entry.startedAt();
        return !since.plus(staleAfter).isAfter(now());
    }

    private static String describe(HistoryEntry entry) {
        String what;
        if (entry instanceof DeploymentEntry d) {
            what = "deployment of " + d.cluster() + "/" + d.service();
        } else if (entry instanceof TaskRunEntry t) {
            what = "task run in " + t.cluster();
        } else {
            what = "image build of " + ((ImageBuildEntry) entry).repository();
        }
        return "history: " + what + " started " + entry.startedAt() + " ended as " + entry.status() + "; "
                + entry.reason().substring(PREFIX.length());
    }

    private Instant now() {
        return clock.instant();
    }

    /** Builds a {@link HistoryReconciler}; the store, the ECS client and the region are required. */
    public static final class Builder {
        private HistoryStore store;
        private EcsClient ecs;
        private String region;
        private Clock clock = Clock.systemUTC();
        private ProgressListener listener = ProgressListener.NONE;
        private Duration staleAfter = DEFAULT_STALE_AFTER;

        private Builder() {}

        /** Sets the store whose {@code IN_PROGRESS} entries are reconciled. */
        public Builder store(HistoryStore store) {
            this.store = store;
            return this;
        }

        /** Sets the client that asks ECS, in {@link #region}. */
        public Builder ecs(EcsClient ecs) {
            this.ecs = ecs;
            return this;
        }

        /** Sets the region of the client: entries recorded in another region are left alone. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets who hears about each reconciled entry. */
        public Builder progressListener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets how old an entry AWS knows nothing about must be before no live process can still be about to start
         * it (default {@link #DEFAULT_STALE_AFTER}).
         */
        public Builder staleAfter(Duration staleAfter) {
            if (staleAfter.isNegative()) {
                throw new IllegalArgumentException("staleAfter must not be negative: " + staleAfter);
            }
            this.staleAfter = staleAfter;
            return this;
        }

        public HistoryReconciler build() {
            return new HistoryReconciler(this);
        }
    }
}
