package io.jenkins.plugins.ecsdeploy.exec.engines;

import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.task.EcsTaskRunner;
import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.core.task.TaskRunPoll;
import dev.ecsdeploy.core.task.TaskRunRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Core's task runner behind the {@link LongOperation} contract: the events and log lines a round delivers to a
 * listener are collected and returned with the round. A thin adapter until core's runner implements the contract.
 */
public final class TaskRunOperation implements LongOperation<TaskRunRequest, TaskRunHandle, TaskRunOutcome> {
    private final EcsTaskRunner runner;
    private final Clock clock;

    public TaskRunOperation(EcsTaskRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public TaskRunHandle start(TaskRunRequest request, ProgressListener listener) {
        return runner.prepare(request, listener);
    }

    @Override
    public OperationPoll<TaskRunHandle, TaskRunOutcome> poll(TaskRunHandle handle, Decision decision) {
        List<ProgressEvent> events = new ArrayList<>();
        TaskRunPoll round = runner.poll(handle, events::add);
        return new OperationPoll<>(
                round.handle(),
                events,
                Duration.between(clock.instant(), round.nextPollAt()),
                Optional.empty(),
                round.result().map(TaskRunOutcome::new));
    }

    @Override
    public OperationPoll<TaskRunHandle, TaskRunOutcome> abort(TaskRunHandle handle, String abortedBy) {
        List<ProgressEvent> events = new ArrayList<>();
        TaskRunHandle stopping = runner.stop(handle, abortedBy, events::add);
        return new OperationPoll<>(
                stopping, events, Duration.ZERO, Optional.empty(), stopping.result().map(TaskRunOutcome::new));
    }
}
