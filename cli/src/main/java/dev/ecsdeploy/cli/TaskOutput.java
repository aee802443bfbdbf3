package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.task.ContainerResult;
import dev.ecsdeploy.core.task.TaskResult;
import dev.ecsdeploy.core.task.TaskRunResult;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a task run's verdict: a summary (or JSON) on standard output, and the exit code it means. */
final class TaskOutput {
    private TaskOutput() {}

    static int print(CliSession session, TaskRunResult result) {
        if (session.json()) {
            JsonOutput.print(session.out(), json(result));
        } else {
            summary(session.out(), result);
        }
        if (result.succeeded()) {
            return ExitCode.SUCCESS;
        }
        throw CliFailure.operationFailed(
                result.message(), "the task's log lines and stopped reason are above; fix the task and run it again");
    }

    static Map<String, Object> json(TaskRunResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", result.status().name());
        json.put("message", result.message());
        json.put("taskDefinitionArn", result.taskDefinitionArn());
        json.put("tasks", result.tasks().stream().map(TaskOutput::task).toList());
        json.put("problems", result.problems());
        return json;
    }

    private static Map<String, Object> task(TaskResult task) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("taskArn", task.taskArn());
        json.put("lastStatus", task.lastStatus());
        json.put("stopCode", task.stopCode());
        json.put("stoppedReason", task.stoppedReason());
        json.put("startedAt", task.startedAt());
        json.put("stoppedAt", task.stoppedAt());
        json.put(
                "containers",
                task.containers().stream().map(TaskOutput::container).toList());
        return json;
    }

    private static Map<String, Object> container(ContainerResult container) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", container.name());
        json.put("exitCode", container.exitCode());
        json.put("reason", container.reason());
        return json;
    }

    private static void summary(PrintWriter out, TaskRunResult result) {
        out.println("status:          " + result.status());
        out.println("task definition: " + result.taskDefinitionArn());
        for (TaskResult task : result.tasks()) {
            out.println("task " + task.taskId() + ": " + task.lastStatus() + exits(task.containers()));
        }
        out.println(result.message());
        out.flush();
    }

    private static String exits(List<ContainerResult> containers) {
        StringBuilder text = new StringBuilder();
        for (ContainerResult container : containers) {
            if (container.exitCode() != null) {
                text.append(", ").append(container.name()).append(" exited ").append(container.exitCode());
            }
        }
        return text.toString();
    }
}
