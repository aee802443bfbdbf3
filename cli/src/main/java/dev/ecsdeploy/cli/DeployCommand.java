package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentRequest.AbortAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployRequest;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.input.ContainerPort;
import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.core.input.InputParser;
import dev.ecsdeploy.core.input.TrafficShift;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.spec.ImageName;
import dev.ecsdeploy.core.spec.TaskDefinitionSpec;
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
            defaultValue = Defaults.STRATEGY,
            description = "rolling, canary, linear, blue-green, or codedeploy for a service with the CODE_DEPLOY"
                    + " deployment controller (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(
            names = "--deployment-config",
            description = "CodeDeploy deployment config, e.g. CodeDeployDefault.ECSCanary10Percent5Minutes"
                    + " (codedeploy; default: the deployment group's).")
    String deploymentConfig;

    @Option(
            names = "--codedeploy-application",
            description = "CodeDeploy application (codedeploy; default: found from the service).")
    String codeDeployApplication;

    @Option(
            names = "--deployment-group",
            description = "CodeDeploy deployment group (codedeploy; default: found from the service).")
    String deploymentGroup;

    @Option(
            names = "--appspec-container",
            paramLabel = "NAME:PORT",
            description = "AppSpec container and port (codedeploy; default: the service's load balancer's).")
    String appSpecContainer;

    @Option(
            names = "--hook",
            paramLabel = "EVENT=FUNCTION",
            description = "AppSpec lifecycle hook, e.g. AfterAllowTestTraffic=smoke-test (codedeploy; repeatable).")
    Map<String, String> hooks = new LinkedHashMap<>();

    @Option(
            names = "--canary-percent",
            defaultValue = Defaults.CANARY_PERCENT,
            description = "Canary traffic share (canary; default: ${DEFAULT-VALUE}).")
    double canaryPercent;

    @Option(
            names = "--canary-bake",
            defaultValue = Defaults.CANARY_BAKE_TEXT,
            description = "Wait after the canary shift, whole minutes (canary; default: ${DEFAULT-VALUE}).")
    Duration canaryBake;

    @Option(
            names = "--step-percent",
            defaultValue = Defaults.STEP_PERCENT,
            description = "Traffic per step (linear; default: ${DEFAULT-VALUE}).")
    double stepPercent;

    @Option(
            names = "--step-bake",
            defaultValue = Defaults.STEP_BAKE_TEXT,
            description = "Wait between steps, whole minutes (linear; default: ${DEFAULT-VALUE}).")
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
            defaultValue = Defaults.ON_PAUSE,
            description = "Answer to a PAUSE hook: continue or rollback (default: ${DEFAULT-VALUE}).")
    String onPause;

    @Option(names = "--environment", description = "Environment name recorded in the history, e.g. prod.")
    String environment;

    @Option(
            names = "--timeout",
            defaultValue = Defaults.DEPLOY_TIMEOUT_TEXT,
            description = "How long to follow, at most " + Defaults.LONGEST_WAIT_TEXT + " (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(
            names = "--on-timeout",
            defaultValue = Defaults.ON_TIMEOUT,
            description = "rollback or leave when the timeout passes (default: ${DEFAULT-VALUE}).")
    String onTimeout;

    @Option(
            names = "--on-abort",
            defaultValue = "rollback",
            description = "rollback or leave when interrupted (Ctrl-C, SIGTERM) (default: ${DEFAULT-VALUE}).")
    String onAbort;

    @Option(names = "--desired-count", description = "New desired count (default: keep).")
    Integer desiredCount;

    @Option(names = "--force-new-deployment", description = "Replace tasks even when nothing changed.")
    boolean forceNewDeployment;

    @Option(
            names = "--when-busy",
            defaultValue = Defaults.WHEN_BUSY,
            description = "When another deployment is in progress on the service: wait for it (within --timeout),"
                    + " then deploy; or fail at once, changing nothing (default: ${DEFAULT-VALUE}).")
    String whenBusy;

    @Option(names = "--wait-for-other", description = "Same as --when-busy wait (kept for existing scripts).")
    boolean waitForOther;

    @Option(names = "--dry-run", description = "Show the plan and the task definition diff; change nothing.")
    boolean dryRun;

    static final class Source {
        @ArgGroup(exclusive = false)
        ImageSource image;

        @Option(
                names = "--task-definition",
                paramLabel = "FILE|ARN",
                description = "RegisterTaskDefinition JSON file ($${NAME} filled from --var), or an existing ARN.")
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

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Value for $${NAME} in a task definition file.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Override
    void validate() {
        Inputs.require(InputParser.ecsName("cluster", cluster), "--cluster");
        Inputs.require(InputParser.ecsName("service", service), "--service");
        if (desiredCount != null && desiredCount < 0) {
            throw CliFailure.badInput(
                    "invalid --desired-count " + desiredCount + ": a service runs 0 or more tasks",
                    "use --desired-count 2, or leave it out to keep the service's");
        }
        Inputs.require(InputParser.bakeTime("canary bake time", canaryBake), "--canary-bake");
        Inputs.require(InputParser.bakeTime("step bake time", stepBake), "--step-bake");
        Inputs.require(InputParser.bakeTime("bake time", bake), "--bake");
        if (source.image != null) {
            ImageName.parse(source.image.uri);
        }
        requireReadableTaskDefinitionFile();
        decision();
        if (!codeDeploy()) {
            strategy();
        }
        timeout();
        timeoutAction();
        abortAction();
        whenBusy();
    }

    /** A task definition file is read and checked now, so a typo in it is refused before anything is recorded. */
    private void requireReadableTaskDefinitionFile() {
        if (source.taskDefinition != null && Files.isRegularFile(Path.of(source.taskDefinition))) {
            TaskDefinitionSpec.fromJson(read(Path.of(source.taskDefinition)), vars);
        }
    }

    private boolean codeDeploy() {
        return strategy.toLowerCase(java.util.Locale.ROOT).replace("-", "").equals("codedeploy");
    }

    @Override
    int run(CliSession session) {
        if (codeDeploy()) {
            return runCodeDeploy(session);
        }
        DeploymentEngine engine = DeploymentEngines.create(session);
        DeploymentRequest request = request();
        if (dryRun) {
            return printPlan(session, engine.plan(request));
        }
        session.reconcileHistory(reconciler -> reconciler.reconcileService(cluster, service));
        HistoryRecorder history = session.history();
        StartedOperation started = history.deploymentStarted(request);
        DeploymentRecord record;
        try {
            Interrupts.running(
                    "the deployment of service " + service + " in cluster " + cluster,
                    "to roll it back, run: ecsdeploy rollback --cluster " + cluster + " --service " + service);
            DeploymentHandle handle = engine.start(request, session.progress());
            record = Interrupts.await(
                    engine, handle, session.progress(), DecisionPolicy.always(decision()), session.time());
        } catch (RuntimeException e) {
            history.ended(started, OperationStatus.FAILED, e.getMessage());
            throw e;
        } finally {
            Interrupts.finished();
        }
        history.deploymentFinished(started, record);
        return DeploymentOutput.print(session, record);
    }

    /** {@code --strategy codedeploy}: the same request, deployed through CodeDeploy on the long-operation contract. */
    private int runCodeDeploy(CliSession session) {
        CodeDeployDeployments engine = DeploymentEngines.codeDeploy(session);
        CodeDeployRequest request = codeDeployRequest();
        if (dryRun) {
            return printPlan(session, engine.plan(request));
        }
        session.reconcileHistory(reconciler -> reconciler.reconcileService(cluster, service));
        HistoryRecorder history = session.history();
        StartedOperation started = history.deploymentStarted(request.deployment());
        DeploymentRecord record;
        try {
            record = engine.run(
                    request, session.progress(), DecisionPolicy.always(decision()), DeploymentEngines.sleeper(session));
        } catch (RuntimeException e) {
            history.ended(started, OperationStatus.FAILED, e.getMessage());
            throw e;
        }
        history.deploymentFinished(started, record);
        return DeploymentOutput.print(session, record);
    }

    CodeDeployRequest codeDeployRequest() {
        DeploymentRequest deployment = DeploymentRequest.builder()
                .environment(environment)
                .cluster(cluster)
                .service(service)
                .source(taskDefinitionSource())
                .timeout(timeout())
                .onTimeout(timeoutAction())
                .whenAnotherDeploymentInProgress(whenBusy())
                .build();
        CodeDeployRequest.Builder builder = CodeDeployRequest.builder(deployment)
                .deploymentConfigName(deploymentConfig)
                .deploymentGroup(codeDeployApplication, deploymentGroup);
        if (appSpecContainer != null) {
            ContainerPort target = Inputs.require(InputParser.containerPort(appSpecContainer), "--appspec-container");
            builder.container(target.container(), target.port());
        }
        hooks.forEach(builder::hook);
        return builder.build();
    }

    DeploymentRequest request() {
        return DeploymentRequest.builder()
                .environment(environment)
                .cluster(cluster)
                .service(service)
                .source(taskDefinitionSource())
                .strategy(strategy())
                .pauseAt(pauseAt.toArray(String[]::new))
                .timeout(timeout())
                .onTimeout(timeoutAction())
                .onAbort(abortAction())
                .desiredCount(desiredCount)
                .forceNewDeployment(forceNewDeployment)
                .whenAnotherDeploymentInProgress(whenBusy())
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
        if (InputParser.taskDefinitionRevision(value).isValid()) {
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
        Inputs.require(InputParser.strategyKind(strategy), "--strategy");
        return Inputs.requireOr(
                InputParser.strategy(
                        strategy, new TrafficShift(canaryPercent, canaryBake, stepPercent, stepBake, bake)),
                "check --canary-percent, --canary-bake, --step-percent, --step-bake and --bake");
    }

    private Decision decision() {
        return Inputs.require(InputParser.decision(onPause), "--on-pause");
    }

    private Duration timeout() {
        return Inputs.require(InputParser.waitDuration(timeout), "--timeout");
    }

    private DeploymentRequest.WhenBusy whenBusy() {
        DeploymentRequest.WhenBusy parsed = Inputs.require(InputParser.whenBusy(whenBusy), "--when-busy");
        if (waitForOther && parsed == DeploymentRequest.WhenBusy.FAIL) {
            throw CliFailure.badInput(
                    "conflicting options: --wait-for-other and --when-busy fail",
                    "give one of them; waiting is the default");
        }
        return parsed;
    }

    private TimeoutAction timeoutAction() {
        return Inputs.require(InputParser.timeoutAction(onTimeout), "--on-timeout");
    }

    private AbortAction abortAction() {
        return switch (onAbort.toLowerCase(java.util.Locale.ROOT)) {
            case "rollback" -> AbortAction.ROLLBACK;
            case "leave" -> AbortAction.LEAVE;
            default ->
                throw CliFailure.badInput(
                        "invalid --on-abort " + onAbort + ": expected rollback or leave", "use --on-abort rollback");
        };
    }

    private int printPlan(CliSession session, DeploymentPlan plan) {
        if (session.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("cluster", cluster);
            json.put("service", service);
            json.put(
                    "strategy",
                    codeDeploy() ? "CODE_DEPLOY" : plan.request().strategy().apiName());
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
