package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.operation.Sleeper;

/**
 * The runner as the tests drive it, through the {@link dev.ecsdeploy.core.operation.LongOperation} contract only:
 * every round's events go to the test's listener, and waits move the emulator's clock through {@code sleeper}.
 */
final class BlockingRunner {
    final EcsTaskRunner runner;
    private final Sleeper sleeper;

    BlockingRunner(EcsTaskRunner runner, Sleeper sleeper) {
        this.runner = runner;
        this.sleeper = sleeper;
    }

    /** {@link EcsTaskRunner#start} only: validated, token chosen, nothing started. */
    TaskRunHandle prepare(TaskRunRequest request, ProgressListener listener) {
        return runner.start(request, listener);
    }

    /** {@link EcsTaskRunner#start} and the first poll, which calls RunTask. */
    TaskRunHandle start(TaskRunRequest request, ProgressListener listener) {
        return poll(runner.start(request, listener), listener).handle();
    }

    OperationPoll<TaskRunHandle, TaskRunResult> poll(TaskRunHandle handle, ProgressListener listener) {
        return report(runner.poll(handle), listener);
    }

    TaskRunHandle stop(TaskRunHandle handle, String who, ProgressListener listener) {
        return report(runner.abort(handle, who), listener).handle();
    }

    TaskRunResult runAndWait(TaskRunRequest request, ProgressListener listener) {
        return runner.run(request, listener, DecisionPolicy.NONE, sleeper);
    }

    TaskRunResult awaitCompletion(TaskRunHandle handle, ProgressListener listener) {
        return runner.await(handle, listener, DecisionPolicy.NONE, sleeper);
    }

    private static OperationPoll<TaskRunHandle, TaskRunResult> report(
            OperationPoll<TaskRunHandle, TaskRunResult> round, ProgressListener listener) {
        round.events().forEach(listener::onEvent);
        return round;
    }
}
