package dev.ecsdeploy.core.deploy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentRequest.WhenBusy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.ServiceBusyException;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployHandle;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployRequest;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.DeploymentConfigDoesNotExistException;
import software.amazon.awssdk.services.codedeploy.model.DeploymentGroupInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentReadyOption;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;

/** Plans and starts CodeDeploy deployments; {@link CodeDeployFollower} creates and follows them. */
public final class CodeDeployEngine implements CodeDeployDeployments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcsClient ecs;
    private final CodeDeployClient codeDeploy;
    private final Clock clock;
    private final DeploymentPlanner planner;
    private final CodeDeployFollower follower;

    public CodeDeployEngine(EcsClient ecs, EcrClient ecr, CodeDeployClient codeDeploy, Clock clock) {
        this.ecs = ecs;
        this.codeDeploy = codeDeploy;
        this.clock = clock;
        this.planner = new DeploymentPlanner(ecs, new EcrImagePinner(ecr));
        this.follower = new CodeDeployFollower(codeDeploy, clock);
    }

    /** Everything start() learns before its first mutation. */
    private record Prepared(
            DeploymentPlanner.Planned planned,
            DeploymentGroupInfo group,
            String configName,
            String containerName,
            int containerPort,
            List<String> activeDeployments,
            DeploymentPlan plan) {}

    @Override
    public DeploymentPlan plan(CodeDeployRequest request) {
        return prepare(request).plan();
    }

    @Override
    public CodeDeployHandle start(CodeDeployRequest request, ProgressListener listener) {
        Prepared prepared = prepare(request);
        DeploymentRequest deployment = request.deployment();
        if (!prepared.activeDeployments().isEmpty() && deployment.whenAnotherDeploymentInProgress() == WhenBusy.FAIL) {
            throw new ServiceBusyException(
                    "deployment refused: CodeDeploy deployment group "
                            + prepared.group().deploymentGroupName() + " has an active deployment "
                            + prepared.activeDeployments() + "; nothing was changed",
                    deployment.service(),
                    prepared.activeDeployments());
        }
        if (!prepared.activeDeployments().isEmpty()) {
            listener.onEvent(ProgressEvent.info(
                    clock.instant(),
                    "deploy.phase",
                    "CodeDeploy deployment group " + prepared.group().deploymentGroupName() + " is busy: waiting for "
                            + prepared.activeDeployments() + " to finish, until "
                            + clock.instant().plus(deployment.timeout())));
        }
        prepared.plan()
                .warnings()
                .forEach(w -> listener.onEvent(ProgressEvent.warning(clock.instant(), "deploy.warning", w)));
        String newArn = prepared.plan().newTaskDefinitionArn();
        if (newArn == null) {
            newArn = ecs.registerTaskDefinition(prepared.planned().spec().request())
                    .taskDefinition()
                    .taskDefinitionArn();
            listener.onEvent(ProgressEvent.info(clock.instant(), "deploy.phase", "registered " + newArn));
        }
        String appSpec = appSpec(newArn, prepared.containerName(), prepared.containerPort(), request);
        Instant now = clock.instant();
        Service service = prepared.planned().service();
        CodeDeployHandle.Target target = new CodeDeployHandle.Target(
                deployment.environment(),
                deployment.cluster(),
                deployment.service(),
                prepared.group().applicationName(),
                prepared.group().deploymentGroupName(),
                prepared.configName(),
                shortName(service.clusterArn()) + ":" + service.serviceName(),
                service.taskDefinition(),
                newArn,
                prepared.plan().imageDigests(),
                appSpec,
                sha256(appSpec),
                readyWaitMinutes(prepared.group()),
                deployment.onTimeout(),
                deployment.onAbort(),
                now,
                now.plus(deployment.timeout()));
        return CodeDeployHandle.started(target, Set.copyOf(prepared.activeDeployments()));
    }

    @Override
    public OperationPoll<CodeDeployHandle, DeploymentRecord> poll(CodeDeployHandle handle, Decision decision) {
        return follower.poll(handle, decision);
    }

    @Override
    public OperationPoll<CodeDeployHandle, DeploymentRecord> abort(CodeDeployHandle handle, String abortedBy) {
        return follower.abort(handle, abortedBy);
    }

    private Prepared prepare(CodeDeployRequest request) {
        DeploymentRequest deployment = request.deployment();
        DeploymentPlanner.Planned planned = planner.planForCodeDeploy(deployment);
        CodeDeployGroups groups = new CodeDeployGroups(codeDeploy);
        DeploymentGroupInfo group = request.application() == null
                ? groups.find(deployment.cluster(), deployment.service())
                : groups.named(
                        request.application(), request.deploymentGroup(), deployment.cluster(), deployment.service());
        String configName = request.deploymentConfigName() == null
                ? group.deploymentConfigName()
                : checkedConfig(request.deploymentConfigName());
        LoadBalancer loadBalancer =
                planned.service().loadBalancers().stream().findFirst().orElse(null);
        String containerName = request.containerName() != null
                ? request.containerName()
                : loadBalancer == null ? null : loadBalancer.containerName();
        Integer containerPort = request.containerPort() != null
                ? request.containerPort()
                : loadBalancer == null ? null : loadBalancer.containerPort();
        if (containerName == null || containerPort == null) {
            throw new InvalidDeploymentException("deployment refused: the AppSpec needs the container name and port"
                    + " behind the load balancer, and service " + deployment.service() + " names none; give them");
        }
        List<String> active =
                CodeDeployFollower.activeDeployments(codeDeploy, group.applicationName(), group.deploymentGroupName());
        List<String> steps = new ArrayList<>();
        steps.add(
                planned.plan().newTaskDefinitionArn() == null
                        ? "register a new revision of the task definition"
                        : "deploy the existing task definition "
                                + planned.plan().newTaskDefinitionArn() + " as is");
        steps.add("CreateDeployment in CodeDeploy " + group.applicationName() + "/" + group.deploymentGroupName()
                + " with " + configName + " (AppSpec: container " + containerName + ":" + containerPort
                + (request.hooks().isEmpty() ? "" : ", hooks " + request.hooks()) + ")");
        Integer readyWait = readyWaitMinutes(group);
        if (readyWait != null) {
            steps.add("at the ready wait (up to " + readyWait + " minutes) decide CONTINUE or ROLLBACK");
        }
        steps.add("follow the deployment until it succeeds, fails or "
                + deployment.timeout().toMinutes() + " minutes pass (then " + deployment.onTimeout() + ")");
        DeploymentPlan base = planned.plan();
        DeploymentPlan plan = new DeploymentPlan(
                deployment,
                base.currentTaskDefinitionArn(),
                base.newTaskDefinitionArn(),
                base.newTaskDefinitionJson(),
                base.imageDigests(),
                base.diff(),
                steps,
                base.warnings());
        return new Prepared(planned, group, configName, containerName, containerPort, active, plan);
    }

    private String checkedConfig(String name) {
        try {
            return codeDeploy
                    .getDeploymentConfig(r -> r.deploymentConfigName(name))
                    .deploymentConfigInfo()
                    .deploymentConfigName();
        } catch (DeploymentConfigDoesNotExistException e) {
            throw new InvalidDeploymentException(
                    "deployment refused: CodeDeploy deployment config " + name
                            + " does not exist (predefined ECS configs: CodeDeployDefault.ECSAllAtOnce,"
                            + " CodeDeployDefault.ECSCanary10Percent5Minutes, ...)",
                    e);
        }
    }

    /** The ready wait that turns into a decision point, or null when CodeDeploy reroutes at once. */
    private static Integer readyWaitMinutes(DeploymentGroupInfo group) {
        DeploymentReadyOption option = group.blueGreenDeploymentConfiguration() == null
                ? null
                : group.blueGreenDeploymentConfiguration().deploymentReadyOption();
        if (option == null) {
            return null;
        }
        int minutes = option.waitTimeInMinutes() == null ? 0 : option.waitTimeInMinutes();
        boolean stops = "STOP_DEPLOYMENT".equals(option.actionOnTimeoutAsString());
        return stops || minutes > 0 ? minutes : null;
    }

    /** The ECS AppSpec as JSON, hooks in lifecycle order. */
    private static String appSpec(String taskDefinition, String container, int port, CodeDeployRequest request) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 0.0);
        ObjectNode properties = root.putArray("Resources")
                .addObject()
                .putObject("TargetService")
                .put("Type", "AWS::ECS::Service")
                .putObject("Properties");
        properties.put("TaskDefinition", taskDefinition);
        properties.putObject("LoadBalancerInfo").put("ContainerName", container).put("ContainerPort", port);
        if (!request.hooks().isEmpty()) {
            var hooks = root.putArray("Hooks");
            CodeDeployRequest.HOOK_EVENTS.stream()
                    .filter(request.hooks()::containsKey)
                    .forEach(event ->
                            hooks.addObject().put(event, request.hooks().get(event)));
        }
        return root.toString();
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String shortName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
