package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.report.ConsoleLinks;
import dev.ecsdeploy.core.task.ContainerResult;
import dev.ecsdeploy.core.task.EcsTaskRunner;
import dev.ecsdeploy.core.task.TaskResult;
import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.OperationSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A one-off task run as the durable execution keeps it. */
final class RunTaskSpec extends OperationSpec<TaskRunRequest, TaskRunHandle, TaskRunResult> {
    private static final long serialVersionUID = 1L;

    private final boolean streamLogs;
    private final String environment;

    RunTaskSpec(AwsTarget target, String cluster, boolean streamLogs, String environment) {
        super(target, cluster);
        this.streamLogs = streamLogs;
        this.environment = environment;
    }

    @Override
    public StartedOperation recordStart(HistoryRecorder history, TaskRunRequest request) {
        return history.taskRunStarted(request, environment);
    }

    /** Completes from the start entry: after a restart the request is gone, the entry is not. */
    @Override
    public void recordEnd(HistoryRecorder history, StartedOperation started, TaskRunResult result) {
        history.taskRunFinished(started, result);
    }

    @Override
    public LongOperation<TaskRunRequest, TaskRunHandle, TaskRunResult> operation(
            AwsConnection connection, AwsClients clients, Clock clock) {
        return EcsTaskRunner.builder()
                .clients(clients)
                .connection(connection)
                .clock(clock)
                .build();
    }

    @Override
    public String describe() {
        return "task run in " + cluster();
    }

    @Override
    public boolean shows(ProgressEvent event) {
        return streamLogs || !EventKinds.isLogLine(event);
    }

    @Override
    public Map<String, Object> result(TaskRunResult run) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", run.status().name());
        result.put("message", run.message());
        result.put("taskDefinitionArn", run.taskDefinitionArn());
        result.put("taskArns", run.tasks().stream().map(TaskResult::taskArn).toList());
        result.put(
                "exitCodes",
                exitCodes(run.tasks().isEmpty() ? List.of() : run.tasks().get(0).containers()));
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (TaskResult task : run.tasks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("taskArn", task.taskArn());
            entry.put("lastStatus", task.lastStatus());
            entry.put("stoppedReason", task.stoppedReason() == null ? "" : task.stoppedReason());
            entry.put("exitCodes", exitCodes(task.containers()));
            tasks.add(entry);
        }
        result.put("tasks", tasks);
        return result;
    }

    @Override
    public void announce(TaskRunHandle handle, BuildLog log, String region) {
        log.resource(
                "task definition " + handle.taskDefinitionArn(),
                ConsoleLinks.taskDefinition(region, handle.taskDefinitionArn()));
        log.resource("cluster " + cluster(), ConsoleLinks.cluster(region, cluster()));
    }

    private static Map<String, Object> exitCodes(List<ContainerResult> containers) {
        Map<String, Object> codes = new LinkedHashMap<>();
        for (ContainerResult container : containers) {
            if (container.exitCode() != null) {
                codes.put(container.name(), container.exitCode());
            }
        }
        return codes;
    }
}
