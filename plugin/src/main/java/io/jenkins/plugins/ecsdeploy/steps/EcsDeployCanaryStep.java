package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployHandle;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployRequest;
import dev.ecsdeploy.core.operation.Decision;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.exec.ShortCallExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code ecsDeployCanary}: deploys with one of ECS's native traffic-shifting strategies (canary, linear, blue/green)
 * and pauses at a lifecycle stage. With a body, the body decides: success continues, failure or abort rolls back.
 * Without one, the build page offers Continue and Roll back until {@code pauseTimeout}.
 *
 * <p>{@code strategy: 'codeDeploy'} deploys a service with the CODE_DEPLOY deployment controller through CodeDeploy
 * instead ({@link CodeDeployDeployments}); the deployment group's ready wait is the decision point the body or the
 * build page answers.
 */
public class EcsDeployCanaryStep extends AbstractDeployStep {
    static final String DEFAULT_PAUSE_STAGE = "POST_TEST_TRAFFIC_SHIFT";

    /** The strategies this step offers, as users write them. */
    enum Strategy {
        CANARY,
        LINEAR,
        BLUE_GREEN,
        CODE_DEPLOY
    }

    private String strategy = "canary";
    private Double canaryPercent;
    private Integer canaryBakeTimeInMinutes;
    private Double stepPercent;
    private Integer stepBakeTimeInMinutes;
    private Integer bakeTimeInMinutes;
    private String pauseAt = DEFAULT_PAUSE_STAGE;
    private Integer pauseTimeout;
    private String pauseTimeoutAction = "rollback";
    private String deploymentConfigName;
    private String codeDeployApplication;
    private String deploymentGroup;
    private String containerName;
    private Integer containerPort;
    private String hooks;

    @DataBoundConstructor
    public EcsDeployCanaryStep(String service) {
        super(service);
    }

    public String getStrategy() {
        return strategy;
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        Strategy chosen = Fields.choice(Strategy.class, strategy, Strategy.CANARY);
        this.strategy = switch (chosen) {
            case BLUE_GREEN -> "blueGreen";
            case CODE_DEPLOY -> "codeDeploy";
            default -> chosen.name().toLowerCase();
        };
    }

    public String getDeploymentConfigName() {
        return deploymentConfigName;
    }

    @DataBoundSetter
    public void setDeploymentConfigName(String deploymentConfigName) {
        this.deploymentConfigName = Fields.trim(deploymentConfigName);
    }

    public String getCodeDeployApplication() {
        return codeDeployApplication;
    }

    @DataBoundSetter
    public void setCodeDeployApplication(String codeDeployApplication) {
        this.codeDeployApplication = Fields.trim(codeDeployApplication);
    }

    public String getDeploymentGroup() {
        return deploymentGroup;
    }

    @DataBoundSetter
    public void setDeploymentGroup(String deploymentGroup) {
        this.deploymentGroup = Fields.trim(deploymentGroup);
    }

    public String getContainerName() {
        return containerName;
    }

    @DataBoundSetter
    public void setContainerName(String containerName) {
        this.containerName = Fields.trim(containerName);
    }

    public Integer getContainerPort() {
        return containerPort;
    }

    @DataBoundSetter
    public void setContainerPort(Integer containerPort) {
        this.containerPort = containerPort;
    }

    public String getHooks() {
        return hooks;
    }

    /** AppSpec hooks as {@code Event=function} pairs, comma or whitespace separated. */
    @DataBoundSetter
    public void setHooks(String hooks) {
        this.hooks = Fields.trim(hooks);
    }

    public Double getCanaryPercent() {
        return canaryPercent;
    }

    @DataBoundSetter
    public void setCanaryPercent(Double canaryPercent) {
        this.canaryPercent = canaryPercent;
    }

    public Integer getCanaryBakeTimeInMinutes() {
        return canaryBakeTimeInMinutes;
    }

    @DataBoundSetter
    public void setCanaryBakeTimeInMinutes(Integer canaryBakeTimeInMinutes) {
        this.canaryBakeTimeInMinutes = canaryBakeTimeInMinutes;
    }

    public Double getStepPercent() {
        return stepPercent;
    }

    @DataBoundSetter
    public void setStepPercent(Double stepPercent) {
        this.stepPercent = stepPercent;
    }

    public Integer getStepBakeTimeInMinutes() {
        return stepBakeTimeInMinutes;
    }

    @DataBoundSetter
    public void setStepBakeTimeInMinutes(Integer stepBakeTimeInMinutes) {
        this.stepBakeTimeInMinutes = stepBakeTimeInMinutes;
    }

    public Integer getBakeTimeInMinutes() {
        return bakeTimeInMinutes;
    }

    @DataBoundSetter
    public void setBakeTimeInMinutes(Integer bakeTimeInMinutes) {
        this.bakeTimeInMinutes = bakeTimeInMinutes;
    }

    public String getPauseAt() {
        return pauseAt;
    }

    /** The lifecycle stage to pause at; {@code none} pauses nowhere. */
    @DataBoundSetter
    public void setPauseAt(String pauseAt) {
        this.pauseAt = Fields.trim(pauseAt) == null ? "none" : pauseAt.trim();
    }

    public Integer getPauseTimeout() {
        return pauseTimeout;
    }

    @DataBoundSetter
    public void setPauseTimeout(Integer pauseTimeout) {
        this.pauseTimeout = pauseTimeout;
    }

    public String getPauseTimeoutAction() {
        return pauseTimeoutAction;
    }

    @DataBoundSetter
    public void setPauseTimeoutAction(String pauseTimeoutAction) {
        this.pauseTimeoutAction = Fields.choice(Decision.class, pauseTimeoutAction, Decision.ROLLBACK)
                .name()
                .toLowerCase();
    }

    private Strategy chosenStrategy() {
        return Fields.choice(Strategy.class, strategy, Strategy.CANARY);
    }

    boolean codeDeploy() {
        return chosenStrategy() == Strategy.CODE_DEPLOY;
    }

    DeploymentStrategy deploymentStrategy() {
        return switch (chosenStrategy()) {
            case CANARY ->
                new DeploymentStrategy.Canary(
                        canaryPercent == null ? 10.0 : canaryPercent,
                        canaryBakeTimeInMinutes == null ? 5 : canaryBakeTimeInMinutes,
                        bakeTimeInMinutes);
            case LINEAR ->
                new DeploymentStrategy.Linear(
                        stepPercent == null ? 10.0 : stepPercent,
                        stepBakeTimeInMinutes == null ? 5 : stepBakeTimeInMinutes,
                        bakeTimeInMinutes);
            case BLUE_GREEN -> new DeploymentStrategy.BlueGreen(bakeTimeInMinutes);
            case CODE_DEPLOY ->
                throw new IllegalStateException("CodeDeploy takes its traffic shifting from the deployment config");
        };
    }

    boolean pauses() {
        return !"none".equalsIgnoreCase(pauseAt);
    }

    private DeploymentRequest canaryRequest(StepContext context) throws Exception {
        refuseFieldsOf("strategy: 'codeDeploy' only", codeDeployFieldsSet());
        DeploymentRequest.Builder request = request(context).strategy(deploymentStrategy());
        if (pauses()) {
            request.pauseAt(Fields.list(pauseAt).toArray(String[]::new));
        }
        return request.build();
    }

    private CodeDeployRequest codeDeployRequest(StepContext context) throws Exception {
        refuseFieldsOf("canary, linear and blueGreen, not to strategy: 'codeDeploy'", nativeFieldsSet());
        CodeDeployRequest.Builder request = CodeDeployRequest.builder(
                        request(context).build())
                .deploymentGroup(codeDeployApplication, deploymentGroup)
                .deploymentConfigName(deploymentConfigName)
                .container(containerName, containerPort);
        for (String hook : Fields.list(hooks)) {
            String[] eventAndFunction = hook.split("=", 2);
            if (eventAndFunction.length != 2 || eventAndFunction[1].isBlank()) {
                throw new IllegalArgumentException(
                        "hooks: expected Event=function (for example AfterAllowTestTraffic=smoke-test): " + hook);
            }
            request.hook(eventAndFunction[0], eventAndFunction[1]);
        }
        return request.build();
    }

    private List<String> codeDeployFieldsSet() {
        List<String> set = new ArrayList<>();
        addIfSet(set, "deploymentConfigName", deploymentConfigName);
        addIfSet(set, "codeDeployApplication", codeDeployApplication);
        addIfSet(set, "deploymentGroup", deploymentGroup);
        addIfSet(set, "containerName", containerName);
        addIfSet(set, "containerPort", containerPort);
        addIfSet(set, "hooks", hooks);
        return set;
    }

    private List<String> nativeFieldsSet() {
        List<String> set = new ArrayList<>();
        addIfSet(set, "canaryPercent", canaryPercent);
        addIfSet(set, "canaryBakeTimeInMinutes", canaryBakeTimeInMinutes);
        addIfSet(set, "stepPercent", stepPercent);
        addIfSet(set, "stepBakeTimeInMinutes", stepBakeTimeInMinutes);
        addIfSet(set, "bakeTimeInMinutes", bakeTimeInMinutes);
        return set;
    }

    private static void addIfSet(List<String> set, String name, Object value) {
        if (value != null) {
            set.add(name);
        }
    }

    private static void refuseFieldsOf(String scope, List<String> set) {
        if (!set.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", set) + " apply to " + scope);
        }
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (codeDeploy()) {
            return startCodeDeploy(context);
        }
        if (isDryRun()) {
            return new ShortCallExecution(
                    context, "dry run of " + getService(), ctx -> dryRun(ctx, canaryRequest(ctx)));
        }
        return new DurableOperationExecution<DeploymentRequest, DeploymentHandle, DeploymentRecord>(
                context,
                spec(context),
                decisions(context),
                (operation, ctx, log) -> pointingAtCodeDeploy(() -> operation.start(canaryRequest(ctx), log)));
    }

    private StepExecution startCodeDeploy(StepContext context) throws Exception {
        if (isDryRun()) {
            return new ShortCallExecution(
                    context,
                    "dry run of " + getService(),
                    ctx -> dryRun(
                            ctx,
                            getCluster(),
                            (clients, connection, clock) -> CodeDeployDeployments.builder()
                                    .clients(clients)
                                    .connection(connection)
                                    .clock(clock)
                                    .build()
                                    .plan(codeDeployRequest(ctx))));
        }
        return new DurableOperationExecution<CodeDeployRequest, CodeDeployHandle, DeploymentRecord>(
                context,
                new CodeDeploySpec(
                        target(context), cluster(context, getCluster()), getService(), isWait(), getApplication()),
                decisions(context),
                (operation, ctx, log) -> operation.start(codeDeployRequest(ctx), log));
    }

    private DecisionSource decisions(StepContext context) {
        if (!pauses()) {
            return DecisionSource.NONE;
        }
        if (context.hasBody()) {
            return new BodyDecisions();
        }
        Duration timeout = pauseTimeout == null ? null : Duration.ofMinutes(pauseTimeout);
        return new BuildPageDecisions(
                getService(), timeout, Fields.choice(Decision.class, pauseTimeoutAction, Decision.ROLLBACK));
    }

    /** Registers the step and names it for Pipeline; it takes an optional body. */
    @Extension
    @Symbol("ecsDeployCanary")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "ecsDeployCanary";
        }

        @Override
        public String getDisplayName() {
            return "Deploy to an ECS service with canary, linear or blue/green traffic shifting, or through CodeDeploy";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
