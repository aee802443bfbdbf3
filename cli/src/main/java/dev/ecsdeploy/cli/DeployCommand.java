package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsdeploy deploy}: deploys a new image or task definition to an ECS service and follows it to a verdict. */
@Command(
        name = "deploy",
        description = "Deploy an image or a task definition to an ECS service and wait for the verdict.",
        sortOptions = false)
final class DeployCommand extends AwsCommand {
    @Option(names = "--cluster", required = true, description = "Cluster name or ARN.")
    String cluster;

    @Option(names = "--service", required = true, description = "Service name or ARN.")
    String service;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
            names = "--strategy",
            defaultValue = "rolling",
            description = "rolling, canary, linear or blue-green (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--canary-percent", defaultValue = "10", description = "Canary traffic share (canary).")
    double canaryPercent;

    @Option(names = "--canary-bake", defaultValue = "5m", description = "Wait after the canary shift (canary).")
    Duration canaryBake;

    @Option(names = "--step-percent", defaultValue = "10", description = "Traffic per step (linear).")
    double stepPercent;

    @Option(names = "--step-bake", defaultValue = "1m", description = "Wait between steps (linear).")
    Duration stepBake;

    @Option(
            names = "--bake",
            description = "Keep both revisions this long after the full shift (canary, linear, blue-green).")
    Duration bake;

    @Option(
            names = "--pause-at",
            paramLabel = "STAGE",
            description = "Lifecycle stage with a PAUSE hook, e.g. POST_TEST_TRAFFIC_SHIFT (repeatable).")
    List<String> pauseAt = new ArrayList<>();

    @Option(
            names = "--on-pause",
            defaultValue = "continue",
            description = "Answer to a PAUSE hook: continue or rollback (default: ${DEFAULT-VALUE}).")
    String onPause;

    @Option(names = "--environment", description = "Environment name recorded in the history, e.g. prod.")
    String environment;

    @Option(names = "--timeout", defaultValue = "15m", description = "How long to follow (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--on-timeout",
            defaultValue = "rollback",
            description = "rollback or leave when the timeout passes (default: ${DEFAULT-VALUE}).")
    TimeoutAction onTimeout;

    @Option(names = "--desired-count", description = "New desired count (default: keep).")
    Integer desiredCount;

    @Option(names = "--force-new-deployment", description = "Replace tasks even when nothing changed.")
    boolean forceNewDeployment;

    @Option(names = "--wait-for-other", description = "Wait for a deployment in progress instead of failing.")
    boolean waitForOther;

    @Option(names = "--dry-run", description = "Show the plan and the task definition diff; change nothing.")
    boolean dryRun;

    static final class Source {
        @ArgGroup(exclusive = false)
        ImageSource image;

        @Option(
                names = "--task-definition",
                paramLabel = "FILE|ARN",
                description = "RegisterTaskDefinition JSON file (${NAME} filled from --var), or an existing ARN.")
        String taskDefinition;
    }

    static final class ImageSource {
        @Option(names = "--image", required = true, description = "Image URI to deploy in the current task definition.")
        String uri;

        @Option(
                names = "--container",
                description = "Container(s) to change (default: those running the same repository).")
        List<String> containers = new ArrayList<>();
    }

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Value for ${NAME} in a task definition file.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Override
    void validate() {
        decision();
        strategy();
    }

    @Override
    int run(CliSession session) {
        DeploymentEngine engine = DeploymentEngines.create(session);
        DeploymentRequest request = request();
        if (dryRun) {
            return printPlan(session, engine.plan(request));
        }
        DeploymentRecord record = engine.run(
                request, session.progress(), DecisionPolicy.always(decision()), DeploymentEngines.sleeper(session));
        session.history().deployment(record);
        return DeploymentOutput.print(session, record);
    }

    DeploymentRequest request() {
        return DeploymentRequest.builder()
                .environment(environment)
                .cluster(cluster)
                .service(service)
                .source(taskDefinitionSource())
                .strategy(strategy())
                .pauseAt(pauseAt.toArray(String[]::new))
                .timeout(timeout)
                .onTimeout(onTimeout)
                .desiredCount(desiredCount)
                .forceNewDeployment(forceNewDeployment)
                .whenAnotherDeploymentInProgress(
                        waitForOther ? DeploymentRequest.WhenBusy.WAIT : DeploymentRequest.WhenBusy.FAIL)
                .build();
    }

    private TaskDefinitionSource taskDefinitionSource() {
        if (source.image != null) {
            return TaskDefinitionSource.currentWithImage(
                    source.image.uri, source.image.containers.toArray(String[]::new));
        }
        String value = source.taskDefinition;
        Path file = Path.of(value);
        if (Files.isRegularFile(file)) {
            return TaskDefinitionSource.file(read(file), vars);
        }
        if (value.startsWith("arn:") || value.matches("[A-Za-z0-9_-]+:\\d+")) {
            return TaskDefinitionSource.existing(value);
        }
        throw CliFailure.badInput(
                "task definition not found: " + value + " is neither a file nor a task definition ARN",
                "pass a RegisterTaskDefinition JSON file or an ARN such as arn:aws:ecs:…:task-definition/web:7");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.badInput("task definition file unreadable: " + e.getMessage(), "check the path");
        }
    }

    private DeploymentStrategy strategy() {
        Integer bakeMinutes = bake == null ? null : (int) bake.toMinutes();
        return switch (strategy.toLowerCase(java.util.Locale.ROOT)) {
            case "rolling" -> DeploymentStrategy.rolling();
            case "canary" -> new DeploymentStrategy.Canary(canaryPercent, (int) canaryBake.toMinutes(), bakeMinutes);
            case "linear" -> new DeploymentStrategy.Linear(stepPercent, (int) stepBake.toMinutes(), bakeMinutes);
            case "blue-green", "bluegreen", "blue_green" -> new DeploymentStrategy.BlueGreen(bakeMinutes);
            default ->
                throw CliFailure.badInput(
                        "unknown strategy " + strategy + ": ecsdeploy knows rolling, canary, linear and blue-green",
                        "use --strategy rolling");
        };
    }

    private Decision decision() {
        return switch (onPause.toLowerCase(java.util.Locale.ROOT)) {
            case "continue" -> Decision.CONTINUE;
            case "rollback" -> Decision.ROLLBACK;
            default ->
                throw CliFailure.badInput(
                        "unknown --on-pause " + onPause + ": use continue or rollback", "use --on-pause continue");
        };
    }

    private int printPlan(CliSession session, DeploymentPlan plan) {
        if (session.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("cluster", cluster);
            json.put("service", service);
            json.put("strategy", plan.request().strategy().apiName());
            json.put("currentTaskDefinitionArn", plan.currentTaskDefinitionArn());
            json.put("newTaskDefinitionArn", plan.newTaskDefinitionArn());
            json.put("newTaskDefinition", DeploymentOutput.parse(plan.newTaskDefinitionJson()));
            json.put("imageDigests", plan.imageDigests());
            json.put("steps", plan.steps());
            json.put("warnings", plan.warnings());
            json.put("diff", plan.diff().render());
            JsonOutput.print(session.out(), json);
        } else {
            session.out().print(plan.render());
            session.out().println("Dry run: nothing was changed.");
            session.out().flush();
        }
        return ExitCode.SUCCESS;
    }
}
