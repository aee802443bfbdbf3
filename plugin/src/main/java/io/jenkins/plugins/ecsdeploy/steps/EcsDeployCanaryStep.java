package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.operation.Decision;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.exec.ShortCallExecution;
import java.time.Duration;
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
 */
public class EcsDeployCanaryStep extends AbstractDeployStep {
    static final String DEFAULT_PAUSE_STAGE = "POST_TEST_TRAFFIC_SHIFT";

    /** The strategies this step offers, as users write them. */
    enum Strategy {
        CANARY,
        LINEAR,
        BLUE_GREEN
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
        this.strategy =
                chosen == Strategy.BLUE_GREEN ? "blueGreen" : chosen.name().toLowerCase();
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

    DeploymentStrategy deploymentStrategy() {
        return switch (Fields.choice(Strategy.class, strategy, Strategy.CANARY)) {
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
        };
    }

    boolean pauses() {
        return !"none".equalsIgnoreCase(pauseAt);
    }

    private DeploymentRequest canaryRequest(StepContext context) throws Exception {
        DeploymentRequest.Builder request = request(context).strategy(deploymentStrategy());
        if (pauses()) {
            request.pauseAt(Fields.list(pauseAt).toArray(String[]::new));
        }
        return request.build();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (isDryRun()) {
            return new ShortCallExecution(
                    context, "dry run of " + getService(), ctx -> dryRun(ctx, canaryRequest(ctx)));
        }
        return new DurableOperationExecution<DeploymentRequest, DeploymentHandle, DeploymentRecord>(
                context,
                spec(context),
                decisions(context),
                (operation, ctx, log) -> operation.start(canaryRequest(ctx), log));
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
            return "Deploy to an ECS service with canary, linear or blue/green traffic shifting";
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
