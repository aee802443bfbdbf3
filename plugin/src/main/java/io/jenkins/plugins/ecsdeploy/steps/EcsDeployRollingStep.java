package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.exec.ShortCallExecution;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code ecsDeployRolling}: deploys a new image or task definition to a service with ECS's rolling update and waits,
 * restart-safe, for a verdict that is never a failure reported as success.
 */
public class EcsDeployRollingStep extends AbstractDeployStep {
    @DataBoundConstructor
    public EcsDeployRollingStep(String service) {
        super(service);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        if (isDryRun()) {
            return new ShortCallExecution(
                    context,
                    "dry run of " + getService(),
                    ctx -> dryRun(ctx, request(ctx).build()));
        }
        return new DurableOperationExecution<DeploymentRequest, DeploymentHandle, DeploymentRecord>(
                context,
                spec(context),
                DecisionSource.NONE,
                (operation, ctx, log) ->
                        pointingAtCodeDeploy(() -> operation.start(request(ctx).build(), log)));
    }

    /** Registers the step and names it for Pipeline. */
    @Extension
    @Symbol("ecsDeployRolling")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "ecsDeployRolling";
        }

        @Override
        public String getDisplayName() {
            return "Deploy to an ECS service with a rolling update";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
