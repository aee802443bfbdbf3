package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.logs.LogReadCadence;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs one-off ECS tasks (migrations, batch jobs, smoke tests), streams their awslogs output and judges their exit
 * codes. Long waits are split into {@link #start} and repeated {@link #poll} calls on a small serializable
 * {@link TaskRunHandle}, so a restarted caller resumes without starting a second task or repeating a log line:
 *
 * <pre>{@code
 * EcsTaskRunner runner = EcsTaskRunner.builder().clients(clients).connection(connection).build();
 * TaskRunHandle handle = runner.prepare(request, listener);   // persist it: the RunTask token is in it
 * TaskRunPoll poll = runner.poll(handle, listener);           // RunTask, then DescribeTasks and GetLogEvents
 * while (!poll.done()) { persist(poll.handle()); sleepUntil(poll.nextPollAt()); poll = runner.poll(poll.handle(), listener); }
 * TaskRunResult result = poll.result().orElseThrow();
 * }</pre>
 */
public interface EcsTaskRunner {
    static Builder builder() {
        return new Builder();
    }

    /**
     * Validates the request, resolves the task definition (registering a derived revision when images, entry points
     * or secrets are replaced) and chooses the RunTask client token, without starting anything.
     *
     * @throws TaskRunException when the input names something that does not exist or that AWS would reject
     */
    TaskRunHandle prepare(TaskRunRequest request, ProgressListener listener);

    /** Prepares the run and calls RunTask; equivalent to {@link #prepare} followed by one {@link #poll}. */
    TaskRunHandle start(TaskRunRequest request, ProgressListener listener);

    default TaskRunHandle start(Consumer<TaskRunRequest.Builder> request, ProgressListener listener) {
        TaskRunRequest.Builder builder = TaskRunRequest.builder();
        request.accept(builder);
        return start(builder.build(), listener);
    }

    /**
     * Does one bounded round of work that is due: RunTask for a prepared handle (with its recorded token), then
     * DescribeTasks and GetLogEvents as their cadences allow. Never sleeps. Events and log lines go to {@code
     * listener}, each line exactly once.
     */
    TaskRunPoll poll(TaskRunHandle handle, ProgressListener listener);

    /**
     * Stops the run's tasks with StopTask, giving {@code who} as the reason ("Stopped by ecs-deploy: aborted by
     * …"). Keep polling the returned handle: it collects the exit codes and the last log lines, then reports
     * {@link TaskRunStatus#ABORTED}. Stopping a run that is stopping or done changes nothing.
     */
    TaskRunHandle stop(TaskRunHandle handle, String who, ProgressListener listener);

    /** Starts the run and polls it to the end, sleeping between polls; the blocking path for the CLI. */
    TaskRunResult runAndWait(TaskRunRequest request, ProgressListener listener);

    /** Polls an existing handle to the end, sleeping between polls. */
    TaskRunResult awaitCompletion(TaskRunHandle handle, ProgressListener listener);

    /** Settings for a {@link EcsTaskRunner}. */
    final class Builder {
        private AwsClients clients;
        private AwsConnection connection;
        private InstantSource clock = InstantSource.system();
        private Sleeper sleeper = Sleeper.REAL;
        private LogReadCadence logCadence = LogReadCadence.DEFAULT;

        private Builder() {}

        /** The client factory; its clients are used, never closed. */
        public Builder clients(AwsClients clients) {
            this.clients = clients;
            return this;
        }

        /** The region, credentials and endpoint of the cluster. */
        public Builder connection(AwsConnection connection) {
            this.connection = connection;
            return this;
        }

        /** The clock that schedules polls and deadlines; tests pass the emulator's. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        /** How {@link #runAndWait} waits between polls. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder logCadence(LogReadCadence cadence) {
            this.logCadence = cadence;
            return this;
        }

        public EcsTaskRunner build() {
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(connection, "connection");
            return new DefaultEcsTaskRunner(clients, connection, clock, sleeper, logCadence);
        }
    }
}
