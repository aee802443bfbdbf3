package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.core.input.InputParser;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.task.ContainerOverrides;
import dev.ecsdeploy.core.task.EcsTaskRunner;
import dev.ecsdeploy.core.task.NetworkSettings;
import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import dev.ecsdeploy.core.task.WaitMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsdeploy run-task}: runs a one-off task, streams its logs and exits with its verdict. */
@Command(
        name = "run-task",
        description = "Run a one-off ECS task (a migration, a batch job), stream its logs, judge its exit code.",
        sortOptions = false)
final class RunTaskCommand extends AwsCommand {
    @Option(names = "--cluster", required = true, description = "Cluster name or ARN.")
    String cluster;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(
                names = "--task-definition",
                paramLabel = "TD",
                description = "Family, family:revision or task definition ARN.")
        String taskDefinition;

        @Option(
                names = "--service",
                description = "Run the task definition this service runs, in the service's network.")
        String service;
    }

    @Option(names = "--image", description = "Run this image instead (registers a derived revision).")
    String image;

    @Option(
            names = "--container",
            description = "The container --image and --command apply to (default: the only container, or the one"
                    + " running the same repository as --image).")
    String container;

    @Option(
            names = "--command",
            arity = "1..*",
            description = "Command to run instead of the image's, e.g. --command ./migrate up.")
    List<String> command = new ArrayList<>();

    @Option(
            names = "--timeout",
            defaultValue = Defaults.RUN_TASK_TIMEOUT_TEXT,
            description = "Stop the task after this long, at most " + Defaults.LONGEST_WAIT_TEXT
                    + " (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(
            names = "--count",
            defaultValue = Defaults.RUN_TASK_COUNT,
            description = "How many tasks, 1-10 (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--launch-type", description = "FARGATE, EC2 or EXTERNAL (default: the cluster's).")
    String launchType;

    @Option(
            names = "--subnets",
            split = ",",
            description = "awsvpc subnets, comma-separated (default: the service's with --service).")
    List<String> subnets = new ArrayList<>();

    @Option(names = "--security-groups", split = ",", description = "awsvpc security groups, comma-separated.")
    List<String> securityGroups = new ArrayList<>();

    @Option(names = "--assign-public-ip", description = "Give the task a public IP (awsvpc).")
    Boolean assignPublicIp;

    @Option(names = "--environment", description = "Environment name recorded in the history.")
    String environment;

    @Option(names = "--no-logs", description = "Do not stream the task's log lines.")
    boolean noLogs;

    @Option(names = "--detach", description = "Return once the task runs; do not wait for its exit code.")
    boolean detach;

    @Option(names = "--dry-run", description = "Show what would run; change nothing.")
    boolean dryRun;

    @Override
    void validate() {
        Inputs.require(InputParser.ecsName("cluster", cluster), "--cluster");
        if (what.service != null) {
            Inputs.require(InputParser.ecsName("service", what.service), "--service");
        } else {
            Inputs.require(InputParser.taskDefinitionReference(what.taskDefinition), "--task-definition");
        }
        if (launchType != null) {
            Inputs.require(InputParser.launchType(launchType), "--launch-type");
        }
        Inputs.require(InputParser.waitDuration(timeout), "--timeout");
        if (count < 1 || count > TaskRunRequest.MAX_COUNT) {
            throw CliFailure.badInput("invalid --count " + count + ": RunTask starts 1 to 10 tasks", "use --count 1");
        }
    }

    @Override
    int run(CliSession session) {
        TaskRunRequest request = request();
        if (dryRun) {
            return printDryRun(session, request);
        }
        EcsTaskRunner runner = EcsTaskRunner.builder()
                .clients(session.clients())
                .connection(session.connection())
                .clock(session.time())
                .build();
        session.reconcileHistory(reconciler -> reconciler.reconcileTaskRuns(cluster));
        HistoryRecorder history = session.history();
        StartedOperation started = history.taskRunStarted(request, environment);
        TaskRunResult result;
        try {
            Interrupts.running("the task(s) started in cluster " + cluster, (String) null); // await names the stop
            ProgressListener listener = listener(session);
            result = Interrupts.await(
                    runner,
                    runner.start(request, listener),
                    listener,
                    DecisionPolicy.NONE,
                    session.time(),
                    RunTaskCommand::stopCommand,
                    handle -> handle.taskArns().stream()
                            .findFirst()
                            .ifPresent(arn -> history.taskRunLaunched(started, arn)));
        } catch (RuntimeException e) {
            history.ended(started, OperationStatus.FAILED, e.getMessage());
            throw e;
        } finally {
            Interrupts.finished();
        }
        history.taskRunFinished(started, request, environment, result);
        return TaskOutput.print(session, result);
    }

    /** The AWS CLI command that stops the tasks of {@code handle}, for a CLI that leaves before they stop. */
    static String stopCommand(TaskRunHandle handle) {
        if (handle.taskArns().isEmpty()) {
            return "no task was started yet";
        }
        return "to stop " + (handle.taskArns().size() == 1 ? "it" : "them") + ", run: "
                + String.join(
                        " && ",
                        handle.taskArns().stream()
                                .map(arn -> "aws ecs stop-task --cluster " + handle.cluster() + " --task " + arn)
                                .toList());
    }

    TaskRunRequest request() {
        TaskRunRequest.Builder builder = TaskRunRequest.builder()
                .cluster(cluster)
                .count(count)
                .timeout(Inputs.require(InputParser.waitDuration(timeout), "--timeout"))
                .launchType(launchType)
                .waitMode(detach ? WaitMode.UNTIL_RUNNING : WaitMode.UNTIL_STOPPED);
        if (what.service != null) {
            builder.taskDefinitionOfService(what.service).networkOfService(what.service);
        } else {
            builder.taskDefinition(what.taskDefinition);
        }
        if (!subnets.isEmpty()) {
            builder.network(new NetworkSettings(subnets, securityGroups, assignPublicIp));
        }
        String target = container == null ? TaskRunRequest.MATCHING_CONTAINER : container;
        if (image != null) {
            builder.putContainerImage(target, image);
        }
        if (!command.isEmpty()) {
            builder.overrideContainer(ContainerOverrides.of(target).withCommand(command));
        }
        return builder.build();
    }

    private ProgressListener listener(CliSession session) {
        if (!noLogs) {
            return session.progress();
        }
        return event -> {
            if (!EventKinds.isLogLine(event)) {
                session.progress().onEvent(event);
            }
        };
    }

    private int printDryRun(CliSession session, TaskRunRequest request) {
        if (session.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("cluster", request.cluster());
            json.put("taskDefinition", request.taskDefinition());
            json.put("taskDefinitionOfService", request.taskDefinitionOfService());
            json.put("containerImages", request.containerImages());
            json.put("command", command);
            json.put("count", request.count());
            json.put("timeout", request.timeout());
            JsonOutput.print(session.out(), json);
        } else {
            String td = request.taskDefinition() != null
                    ? request.taskDefinition()
                    : "the task definition of service " + request.taskDefinitionOfService();
            session.out()
                    .println("Dry run: would run " + count + " task(s) of " + td + " in cluster " + cluster
                            + (image == null
                                    ? ""
                                    : " with image " + image + " in container "
                                            + (container == null ? "chosen as deploy does" : container))
                            + (command.isEmpty() ? "" : ", command " + command)
                            + "; nothing was changed.");
            session.out().flush();
        }
        return ExitCode.SUCCESS;
    }
}
