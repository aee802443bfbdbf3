package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentRequest.AbortAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.TimeoutAction;
import dev.ecsdeploy.core.deploy.DeploymentRequest.WhenBusy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.ServiceBusyException;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.exec.BuildLog;
import io.jenkins.plugins.ecsdeploy.exec.StepServices;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The fields shared by {@code ecsDeployRolling} and {@code ecsDeployCanary}, in the vocabulary of the aws-actions
 * and the ECS API, and their mapping to core's {@link DeploymentRequest}.
 */
public abstract class AbstractDeployStep extends AbstractEcsStep {
    private static final Pattern FAMILY_REVISION = Pattern.compile("[A-Za-z0-9_-]+:\\d+");

    private final String service;
    private String cluster;
    private String image;
    private String containers;
    private String taskDefinition;
    private String environment;
    private String application;
    private Integer desiredCount;
    private boolean forceNewDeployment;
    private Integer timeout;
    private String onTimeout = "rollback";
    private String onAbort = "rollback";
    private String whenBusy = "wait";
    private boolean wait = true;
    private boolean dryRun;

    protected AbstractDeployStep(String service) {
        this.service = Fields.trim(service);
    }

    public String getService() {
        return service;
    }

    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Fields.trim(cluster);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Fields.trim(image);
    }

    public String getContainers() {
        return containers;
    }

    @DataBoundSetter
    public void setContainers(String containers) {
        this.containers = Fields.trim(containers);
    }

    public String getTaskDefinition() {
        return taskDefinition;
    }

    @DataBoundSetter
    public void setTaskDefinition(String taskDefinition) {
        this.taskDefinition = Fields.trim(taskDefinition);
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Fields.trim(environment);
    }

    public String getApplication() {
        return application;
    }

    /** The application the history files this step's entry under; null: the primary image's repository name. */
    @DataBoundSetter
    public void setApplication(String application) {
        this.application = Fields.trim(application);
    }

    public Integer getDesiredCount() {
        return desiredCount;
    }

    @DataBoundSetter
    public void setDesiredCount(Integer desiredCount) {
        this.desiredCount = desiredCount;
    }

    public boolean isForceNewDeployment() {
        return forceNewDeployment;
    }

    @DataBoundSetter
    public void setForceNewDeployment(boolean forceNewDeployment) {
        this.forceNewDeployment = forceNewDeployment;
    }

    public Integer getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    public String getOnTimeout() {
        return onTimeout;
    }

    @DataBoundSetter
    public void setOnTimeout(String onTimeout) {
        this.onTimeout = Fields.choice(TimeoutAction.class, onTimeout, TimeoutAction.ROLLBACK)
                .name()
                .toLowerCase();
    }

    public String getOnAbort() {
        return onAbort;
    }

    @DataBoundSetter
    public void setOnAbort(String onAbort) {
        this.onAbort = Fields.choice(AbortAction.class, onAbort, AbortAction.ROLLBACK)
                .name()
                .toLowerCase();
    }

    public String getWhenBusy() {
        return whenBusy;
    }

    @DataBoundSetter
    public void setWhenBusy(String whenBusy) {
        this.whenBusy =
                Fields.choice(WhenBusy.class, whenBusy, WhenBusy.WAIT).name().toLowerCase();
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** Core's request for this step; reads a task definition file from the workspace, so it runs off the CPS thread. */
    protected DeploymentRequest.Builder request(StepContext context) throws Exception {
        DeploymentRequest.Builder request = DeploymentRequest.builder()
                .environment(environmentName(context, environment))
                .cluster(cluster(context, cluster))
                .service(service)
                .source(source(context))
                .desiredCount(desiredCount)
                .forceNewDeployment(forceNewDeployment)
                .onTimeout(Fields.choice(TimeoutAction.class, onTimeout, TimeoutAction.ROLLBACK))
                .onAbort(Fields.choice(AbortAction.class, onAbort, AbortAction.ROLLBACK))
                .whenAnotherDeploymentInProgress(Fields.choice(WhenBusy.class, whenBusy, WhenBusy.WAIT));
        if (timeout != null) {
            request.timeout(Fields.minutes(timeout, DeploymentRequest.DEFAULT_TIMEOUT));
        }
        return request;
    }

    private TaskDefinitionSource source(StepContext context) throws Exception {
        if (image != null && taskDefinition != null) {
            throw new IllegalArgumentException("give either image or taskDefinition, not both");
        }
        if (image != null) {
            return TaskDefinitionSource.currentWithImage(
                    image, Fields.list(containers).toArray(String[]::new));
        }
        if (taskDefinition == null) {
            throw new IllegalArgumentException("give image (the new image of the service's containers) or"
                    + " taskDefinition (a task definition ARN, family:revision, or a JSON file in the workspace)");
        }
        if (taskDefinition.startsWith("arn:")
                || FAMILY_REVISION.matcher(taskDefinition).matches()) {
            return TaskDefinitionSource.existing(taskDefinition);
        }
        return TaskDefinitionSource.file(Workspace.read(context, taskDefinition), Map.of());
    }

    protected DeploySpec spec(StepContext context) throws Exception {
        return new DeploySpec(target(context), cluster(context, cluster), service, wait, application);
    }

    /** The dry run: the plan and the task definition diff in the log, no mutation. */
    protected Map<String, Object> dryRun(StepContext context, DeploymentRequest request) throws Exception {
        return dryRun(
                context,
                request.cluster(),
                (clients, connection, clock) -> DeploymentEngine.builder()
                        .ecs(clients.ecs(connection))
                        .ecr(clients.ecr(connection))
                        .clock(clock)
                        .build()
                        .plan(request));
    }

    /** The dry run of whichever engine {@code planner} asks. */
    protected Map<String, Object> dryRun(StepContext context, String cluster, Planner planner) throws Exception {
        StepServices services = StepServices.current();
        AwsTarget target = target(context);
        var connection = services.connect(context, target);
        DeploymentPlan plan;
        try (AwsClients clients = services.openClients()) {
            plan = planner.plan(clients, connection, services.clock());
        }
        BuildLog log = BuildLogs.of(context, connection.region().id(), cluster(context, cluster));
        log.info("dry run, nothing is changed");
        log.info(plan.render());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dryRun", true);
        result.put("currentTaskDefinitionArn", plan.currentTaskDefinitionArn());
        result.put("taskDefinitionArn", plan.newTaskDefinitionArn() == null ? "" : plan.newTaskDefinitionArn());
        result.put("steps", plan.steps());
        result.put("warnings", plan.warnings());
        result.put("status", "DRY_RUN");
        return result;
    }

    /** Asks an engine for its plan. */
    protected interface Planner {
        DeploymentPlan plan(AwsClients clients, AwsConnection connection, Clock clock) throws Exception;
    }

    /**
     * Adds the Pipeline spelling to core's refusals that the user answers with a step parameter: a CODE_DEPLOY-controlled
     * service (core names the engine) and a busy service with {@code whenBusy: 'fail'}; every other failure passes
     * unchanged.
     */
    protected static <T> T pointingAtCodeDeploy(Callable<T> start) throws Exception {
        try {
            return start.call();
        } catch (ServiceBusyException e) {
            throw new ServiceBusyException(
                    e.getMessage() + ". In a Pipeline: whenBusy: 'wait' (the default) waits for it, within timeout",
                    e.service(),
                    e.busyDeploymentIds());
        } catch (InvalidDeploymentException e) {
            if (e.reason() == InvalidDeploymentException.Reason.CODE_DEPLOY_CONTROLLER) {
                throw new InvalidDeploymentException(
                        e.getMessage() + ". In a Pipeline: ecsDeployCanary(strategy: 'codeDeploy', ...)", e);
            }
            throw e;
        }
    }
}
