package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a run: the verdict, a one-line explanation, and what every task and container did. Holds no SDK
 * model types, so it can be persisted and compared across SDK upgrades.
 *
 * @param status the verdict
 * @param message "{what happened}: {why}", naming the failing container and its exit code when there is one
 * @param taskDefinitionArn the revision that ran (a derived one when images or entry points were replaced)
 * @param tasks every task started, in RunTask order
 * @param problems each reason for a failure, one line each, empty on success
 */
public record TaskRunResult(
        TaskRunStatus status, String message, String taskDefinitionArn, List<TaskResult> tasks, List<String> problems)
        implements OperationOutcome, Serializable {
    private static final long serialVersionUID = 1L;

    public TaskRunResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
    }

    public boolean succeeded() {
        return status.isSuccess();
    }

    @Override
    public OperationStatus operationStatus() {
        return status.operationStatus();
    }

    @Override
    public String summary() {
        return message;
    }

    /** Returns the exit code of {@code container} in the first task, if it exited. */
    public Optional<Integer> exitCode(String container) {
        return tasks.stream()
                .findFirst()
                .flatMap(task -> task.container(container))
                .map(ContainerResult::exitCode);
    }
}
