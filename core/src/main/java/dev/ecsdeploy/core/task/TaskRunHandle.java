package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.logs.LogCursor;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to go on following a run after a restart: the cluster, the RunTask client token (chosen before
 * RunTask, so a resumed launch returns the same tasks instead of starting new ones), the resolved launch settings,
 * the task ARNs, the last-seen task states, one log cursor per stream, the phase and the deadline. Immutable and
 * Java-serializable; it holds no SDK model types and no clients.
 */
public final class TaskRunHandle implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where a run stands. */
    public enum Phase {
        /** Validated and the client token chosen; RunTask not yet answered. */
        PREPARED,
        /** Tasks started; following them and their logs. */
        FOLLOWING,
        /** StopTask was sent (timeout or abort); waiting for the tasks to stop. */
        STOPPING,
        /** Every task stopped; reading the rest of the logs. */
        DRAINING,
        /** Finished; {@link #result()} holds the verdict. */
        DONE
    }

    /** Why the runner stopped the tasks itself. */
    public enum StopCause {
        TIMEOUT,
        ABORT
    }

    /**
     * A container as the task definition declares it.
     *
     * @param name the container name
     * @param essential whether it is essential
     * @param logGroup the awslogs group, {@code null} when its logs are not streamed
     * @param logRegion the awslogs region
     * @param logStreamPrefix the awslogs stream prefix
     */
    public record ContainerSpec(
            String name, boolean essential, String logGroup, String logRegion, String logStreamPrefix)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public boolean streamsLogs() {
            return logGroup != null;
        }
    }

    private final String cluster;
    private final String clientToken;
    private final TaskRunRequest launch;
    private final List<ContainerSpec> containers;
    private final Phase phase;
    private final Instant launchedAt;
    private final Instant deadline;
    private final List<String> taskArns;
    private final List<String> launchFailures;
    private final List<TaskResult> tasks;
    private final List<LogCursor> logCursors;
    private final int describeCount;
    private final Instant nextDescribeAt;
    private final StopCause stopCause;
    private final String stopReason;
    private final Instant stopRequestedAt;
    private final Instant allStoppedAt;
    private final TaskRunResult result;

    private TaskRunHandle(Builder b) {
        this.cluster = Objects.requireNonNull(b.cluster, "cluster");
        this.clientToken = Objects.requireNonNull(b.clientToken, "clientToken");
        this.launch = Objects.requireNonNull(b.launch, "launch");
        this.containers = List.copyOf(b.containers);
        this.phase = Objects.requireNonNull(b.phase, "phase");
        this.launchedAt = b.launchedAt;
        this.deadline = b.deadline;
        this.taskArns = List.copyOf(b.taskArns);
        this.launchFailures = List.copyOf(b.launchFailures);
        this.tasks = List.copyOf(b.tasks);
        this.logCursors = List.copyOf(b.logCursors);
        this.describeCount = b.describeCount;
        this.nextDescribeAt = b.nextDescribeAt;
        this.stopCause = b.stopCause;
        this.stopReason = b.stopReason;
        this.stopRequestedAt = b.stopRequestedAt;
        this.allStoppedAt = b.allStoppedAt;
        this.result = b.result;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String cluster() {
        return cluster;
    }

    /** The RunTask idempotency token; reusing it within 24 h returns the same tasks. */
    public String clientToken() {
        return clientToken;
    }

    /** The task definition ARN that runs (a derived revision when images or entry points were replaced). */
    public String taskDefinitionArn() {
        return launch.taskDefinition();
    }

    /** The request as resolved before RunTask: the exact inputs a resumed launch repeats. */
    public TaskRunRequest launch() {
        return launch;
    }

    public List<ContainerSpec> containers() {
        return containers;
    }

    public Phase phase() {
        return phase;
    }

    public WaitMode waitMode() {
        return launch.waitMode();
    }

    /** When RunTask answered, {@code null} before. */
    public Instant launchedAt() {
        return launchedAt;
    }

    /** When the runner stops the tasks for taking too long, {@code null} before RunTask answered. */
    public Instant deadline() {
        return deadline;
    }

    public Duration timeout() {
        return launch.timeout();
    }

    public List<String> taskArns() {
        return taskArns;
    }

    /** RunTask's {@code failures[]} as "arn: reason" lines. */
    public List<String> launchFailures() {
        return launchFailures;
    }

    /** The tasks as last described. */
    public List<TaskResult> tasks() {
        return tasks;
    }

    public List<LogCursor> logCursors() {
        return logCursors;
    }

    public int describeCount() {
        return describeCount;
    }

    public Instant nextDescribeAt() {
        return nextDescribeAt;
    }

    public StopCause stopCause() {
        return stopCause;
    }

    /** The reason sent with StopTask, {@code null} when the runner did not stop the tasks. */
    public String stopReason() {
        return stopReason;
    }

    public Instant stopRequestedAt() {
        return stopRequestedAt;
    }

    public Instant allStoppedAt() {
        return allStoppedAt;
    }

    /** The verdict once {@link #phase()} is {@link Phase#DONE}. */
    public Optional<TaskRunResult> result() {
        return Optional.ofNullable(result);
    }

    public boolean isDone() {
        return phase == Phase.DONE;
    }

    @Override
    public String toString() {
        return "TaskRunHandle[cluster=" + cluster + ", taskDefinition=" + taskDefinitionArn() + ", phase=" + phase
                + ", tasks=" + taskArns + ", clientToken=" + clientToken + ", logStreams=" + logCursors.size() + "]";
    }

    /** Mutable working copy used by the runner to produce the next handle. */
    public static final class Builder {
        private String cluster;
        private String clientToken;
        private TaskRunRequest launch;
        private List<ContainerSpec> containers = new ArrayList<>();
        private Phase phase = Phase.PREPARED;
        private Instant launchedAt;
        private Instant deadline;
        private List<String> taskArns = new ArrayList<>();
        private List<String> launchFailures = new ArrayList<>();
        private List<TaskResult> tasks = new ArrayList<>();
        private List<LogCursor> logCursors = new ArrayList<>();
        private int describeCount;
        private Instant nextDescribeAt;
        private StopCause stopCause;
        private String stopReason;
        private Instant stopRequestedAt;
        private Instant allStoppedAt;
        private TaskRunResult result;

        private Builder() {}

        private Builder(TaskRunHandle h) {
            cluster = h.cluster;
            clientToken = h.clientToken;
            launch = h.launch;
            containers = new ArrayList<>(h.containers);
            phase = h.phase;
            launchedAt = h.launchedAt;
            deadline = h.deadline;
            taskArns = new ArrayList<>(h.taskArns);
            launchFailures = new ArrayList<>(h.launchFailures);
            tasks = new ArrayList<>(h.tasks);
            logCursors = new ArrayList<>(h.logCursors);
            describeCount = h.describeCount;
            nextDescribeAt = h.nextDescribeAt;
            stopCause = h.stopCause;
            stopReason = h.stopReason;
            stopRequestedAt = h.stopRequestedAt;
            allStoppedAt = h.allStoppedAt;
            result = h.result;
        }

        public Builder cluster(String value) {
            cluster = value;
            return this;
        }

        public Builder clientToken(String value) {
            clientToken = value;
            return this;
        }

        public Builder launch(TaskRunRequest value) {
            launch = value;
            return this;
        }

        public Builder containers(List<ContainerSpec> value) {
            containers = new ArrayList<>(value);
            return this;
        }

        public Builder phase(Phase value) {
            phase = value;
            return this;
        }

        public Builder launched(Instant at, List<String> arns, List<String> failures) {
            launchedAt = at;
            deadline = at.plus(launch.timeout());
            taskArns = new ArrayList<>(arns);
            launchFailures = new ArrayList<>(failures);
            return this;
        }

        public Builder tasks(List<TaskResult> value) {
            tasks = new ArrayList<>(value);
            return this;
        }

        public Builder logCursors(List<LogCursor> value) {
            logCursors = new ArrayList<>(value);
            return this;
        }

        public Builder describeSchedule(int count, Instant next) {
            describeCount = count;
            nextDescribeAt = next;
            return this;
        }

        public Builder stopRequested(StopCause cause, String reason, Instant at) {
            stopCause = cause;
            stopReason = reason;
            stopRequestedAt = at;
            return this;
        }

        public Builder allStoppedAt(Instant value) {
            allStoppedAt = value;
            return this;
        }

        public Builder result(TaskRunResult value) {
            result = value;
            return this;
        }

        public TaskRunHandle build() {
            return new TaskRunHandle(this);
        }
    }
}
