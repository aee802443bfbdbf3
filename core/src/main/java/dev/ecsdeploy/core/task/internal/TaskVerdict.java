package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.task.*;
import dev.ecsdeploy.core.task.TaskRunHandle.StopCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict rules (aws-behaviour §11): a run fails when RunTask refused a task, a task failed to start (stop code
 * {@code TaskFailedToStart}, such as CannotPullContainerError), or a container that counts exited non-zero or
 * without an exit code. The containers that count are the essential ones, or the one named container. A timeout or
 * an abort decides the verdict whatever the exit codes say.
 */
public final class TaskVerdict {
    private TaskVerdict() {}

    static TaskRunResult judge(TaskRunHandle handle) {
        List<String> problems = problems(handle);
        TaskRunStatus status = status(handle, problems);
        return new TaskRunResult(
                status, message(handle, status, problems), handle.taskDefinitionArn(), ordered(handle), problems);
    }

    static List<String> problems(TaskRunHandle handle) {
        List<String> problems = new ArrayList<>();
        handle.launchFailures().forEach(f -> problems.add("RunTask did not start a task: " + f));
        for (String arn : handle.taskArns()) {
            Optional<TaskResult> task = find(handle, arn);
            if (task.isEmpty()) {
                problems.add("task " + TaskStates.taskId(arn) + " was never reported by DescribeTasks");
            } else {
                problems.addAll(problems(handle, task.get()));
            }
        }
        return problems;
    }

    private static List<String> problems(TaskRunHandle handle, TaskResult task) {
        if ("MISSING".equals(task.lastStatus())) {
            return List.of("task " + task.taskId() + " is lost: " + task.stoppedReason());
        }
        if (!task.isStopped()) {
            boolean fine = handle.waitMode() == WaitMode.UNTIL_RUNNING && task.isRunning();
            return fine
                    ? List.of()
                    : List.of("task " + task.taskId() + " did not stop (last status " + task.lastStatus() + ")");
        }
        if ("TaskFailedToStart".equals(task.stopCode())) {
            return List.of("task " + task.taskId() + " failed to start: " + startFailure(task));
        }
        List<String> problems = new ArrayList<>();
        for (ContainerResult container : counted(handle, task)) {
            exitProblem(task, container).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> exitProblem(TaskResult task, ContainerResult container) {
        String where = "container " + container.name() + " of task " + task.taskId();
        if (container.exitCode() == null) {
            String why = container.reason() != null ? container.reason() : String.valueOf(task.stoppedReason());
            return Optional.of(where + " has no exit code: " + why);
        }
        if (container.exitCode() != 0) {
            String reason = container.reason() == null ? "" : " (" + container.reason() + ")";
            return Optional.of(where + " exited with code " + container.exitCode() + reason);
        }
        return Optional.empty();
    }

    private static String startFailure(TaskResult task) {
        StringBuilder why = new StringBuilder(String.valueOf(task.stoppedReason()));
        for (ContainerResult container : task.containers()) {
            if (container.reason() != null) {
                why.append("; container ").append(container.name()).append(": ").append(container.reason());
            }
        }
        return why.toString();
    }

    private static List<ContainerResult> counted(TaskRunHandle handle, TaskResult task) {
        String named = handle.launch().verdictContainer();
        return task.containers().stream()
                .filter(c -> named == null ? c.essential() : c.name().equals(named))
                .toList();
    }

    private static TaskRunStatus status(TaskRunHandle handle, List<String> problems) {
        if (handle.stopCause() == StopCause.TIMEOUT) {
            return TaskRunStatus.TIMED_OUT;
        }
        if (handle.stopCause() == StopCause.ABORT) {
            return TaskRunStatus.ABORTED;
        }
        if (!problems.isEmpty() || handle.taskArns().isEmpty()) {
            return TaskRunStatus.FAILED;
        }
        return handle.waitMode() == WaitMode.UNTIL_RUNNING ? TaskRunStatus.STARTED : TaskRunStatus.SUCCEEDED;
    }

    private static String message(TaskRunHandle handle, TaskRunStatus status, List<String> problems) {
        String what = handle.taskArns().size() + " task(s) of " + family(handle.taskDefinitionArn());
        String first = problems.isEmpty()
                ? ""
                : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "");
        return switch (status) {
            case SUCCEEDED -> what + " exited 0";
            case STARTED -> what + " started (not waiting for them to finish)";
            case FAILED -> "task run failed: " + (first.isEmpty() ? "RunTask started no task" : first);
            case TIMED_OUT, ABORTED ->
                "task run " + (status == TaskRunStatus.TIMED_OUT ? "timed out" : "was aborted") + ": "
                        + handle.stopReason() + (first.isEmpty() ? "" : "; " + first);
        };
    }

    private static List<TaskResult> ordered(TaskRunHandle handle) {
        return handle.taskArns().stream()
                .flatMap(arn -> find(handle, arn).stream())
                .toList();
    }

    private static Optional<TaskResult> find(TaskRunHandle handle, String arn) {
        return handle.tasks().stream().filter(t -> t.taskArn().equals(arn)).findFirst();
    }

    static String family(String taskDefinitionArn) {
        return taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
    }
}
