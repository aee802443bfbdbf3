package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.logs.LogReadCadence;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.task.internal.DefaultEcsTaskRunner;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs one-off ECS tasks (migrations, batch jobs, smoke tests), streams their awslogs output and judges their exit
 * codes. It is a {@link LongOperation} on a small serializable {@link TaskRunHandle}, so a restarted caller resumes
 * without starting a second task or repeating a log line:
 *
 * <pre>{@code
 * EcsTaskRunner runner = EcsTaskRunner.builder().clients(clients).connection(connection).build();
 * TaskRunHandle handle = runner.start(request, listener);    // persist it: the RunTask token is in it
 * OperationPoll<TaskRunHandle, TaskRunResult> round = runner.poll(handle);   // RunTask, then DescribeTasks, logs
 * while (!round.isDone()) { persist(round.handle()); sleep(round.nextPollIn()); round = runner.poll(round.handle()); }
 * TaskRunResult result = round.outcome().orElseThrow();
 * }</pre>
 */
public interface EcsTaskRunner extends LongOperation<TaskRunRequest, TaskRunHandle, TaskRunResult> {
    static Builder builder() {
        return new Builder();
    }

    /**
     * Validates the request, resolves the task definition (registering a derived revision when images, entry points
     * or secrets are replaced) and chooses the RunTask client token, without starting anything: the first
     * {@link #poll} calls RunTask.
     *
     * @throws TaskRunException when the input names something that does not exist or that AWS would reject
     */
    @Override
    TaskRunHandle start(TaskRunRequest request, ProgressListener listener);

    default TaskRunHandle start(Consumer<TaskRunRequest.Builder> request, ProgressListener listener) {
        TaskRunRequest.Builder builder = TaskRunRequest.builder();
        request.accept(builder);
        return start(builder.build(), listener);
    }

    /**
     * Does one bounded round of work that is due: RunTask for a prepared handle (with its recorded token), then
     * DescribeTasks and GetLogEvents as their cadences allow. Never sleeps. The round's events and log lines are in
     * the result, each line exactly once. There is no decision point; {@code decision} is ignored.
     */
    @Override
    OperationPoll<TaskRunHandle, TaskRunResult> poll(TaskRunHandle handle, Decision decision);

    /**
     * Stops the run's tasks with StopTask, giving {@code abortedBy} as the reason ("Stopped by ecs-deploy: aborted
     * by …"). Keep polling the returned handle: it collects the exit codes and the last log lines, then reports
     * {@link TaskRunStatus#ABORTED}. Aborting a run that is stopping or done changes nothing.
     */
    @Override
    OperationPoll<TaskRunHandle, TaskRunResult> abort(TaskRunHandle handle, String abortedBy);

    /** Settings for a {@link EcsTaskRunner}. */
    final class Builder {
        private AwsClients clients;
        private AwsConnection connection;
        private InstantSource clock = InstantSource.system();
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

        public Builder logCadence(LogReadCadence cadence) {
            this.logCadence = cadence;
            return this;
        }

        public EcsTaskRunner build() {
            Objects.requireNonNull(clients, "clients");
            Objects.requireNonNull(connection, "connection");
            return new DefaultEcsTaskRunner(clients, connection, clock, logCadence);
        }
    }
}
