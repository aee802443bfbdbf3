package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.steps.EcsDeployCanaryStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Freestyle form of {@code ecsDeployCanary}: the same fields, the same execution. A Freestyle build step has no
 * body, so a pause is decided on the build page (Continue, Roll back) or by {@code pauseTimeoutAction}.
 */
public class EcsDeployCanaryBuilder extends AbstractDeployBuilder<EcsDeployCanaryStep> {
    @DataBoundConstructor
    public EcsDeployCanaryBuilder(String service) {
        super(new EcsDeployCanaryStep(service));
    }

    public String getStrategy() {
        return step().getStrategy();
    }

    @DataBoundSetter
    public void setStrategy(String strategy) {
        step().setStrategy(strategy);
    }

    public String getDeploymentConfigName() {
        return step().getDeploymentConfigName();
    }

    @DataBoundSetter
    public void setDeploymentConfigName(String deploymentConfigName) {
        step().setDeploymentConfigName(deploymentConfigName);
    }

    public String getCodeDeployApplication() {
        return step().getCodeDeployApplication();
    }

    @DataBoundSetter
    public void setCodeDeployApplication(String codeDeployApplication) {
        step().setCodeDeployApplication(codeDeployApplication);
    }

    public String getDeploymentGroup() {
        return step().getDeploymentGroup();
    }

    @DataBoundSetter
    public void setDeploymentGroup(String deploymentGroup) {
        step().setDeploymentGroup(deploymentGroup);
    }

    public String getContainerName() {
        return step().getContainerName();
    }

    @DataBoundSetter
    public void setContainerName(String containerName) {
        step().setContainerName(containerName);
    }

    public Integer getContainerPort() {
        return step().getContainerPort();
    }

    @DataBoundSetter
    public void setContainerPort(Integer containerPort) {
        step().setContainerPort(containerPort);
    }

    public String getHooks() {
        return step().getHooks();
    }

    @DataBoundSetter
    public void setHooks(String hooks) {
        step().setHooks(hooks);
    }

    public Double getCanaryPercent() {
        return step().getCanaryPercent();
    }

    @DataBoundSetter
    public void setCanaryPercent(Double canaryPercent) {
        step().setCanaryPercent(canaryPercent);
    }

    public Integer getCanaryBakeTimeInMinutes() {
        return step().getCanaryBakeTimeInMinutes();
    }

    @DataBoundSetter
    public void setCanaryBakeTimeInMinutes(Integer canaryBakeTimeInMinutes) {
        step().setCanaryBakeTimeInMinutes(canaryBakeTimeInMinutes);
    }

    public Double getStepPercent() {
        return step().getStepPercent();
    }

    @DataBoundSetter
    public void setStepPercent(Double stepPercent) {
        step().setStepPercent(stepPercent);
    }

    public Integer getStepBakeTimeInMinutes() {
        return step().getStepBakeTimeInMinutes();
    }

    @DataBoundSetter
    public void setStepBakeTimeInMinutes(Integer stepBakeTimeInMinutes) {
        step().setStepBakeTimeInMinutes(stepBakeTimeInMinutes);
    }

    public Integer getBakeTimeInMinutes() {
        return step().getBakeTimeInMinutes();
    }

    @DataBoundSetter
    public void setBakeTimeInMinutes(Integer bakeTimeInMinutes) {
        step().setBakeTimeInMinutes(bakeTimeInMinutes);
    }

    public String getPauseAt() {
        return step().getPauseAt();
    }

    @DataBoundSetter
    public void setPauseAt(String pauseAt) {
        step().setPauseAt(pauseAt);
    }

    public Integer getPauseTimeout() {
        return step().getPauseTimeout();
    }

    @DataBoundSetter
    public void setPauseTimeout(Integer pauseTimeout) {
        step().setPauseTimeout(pauseTimeout);
    }

    public String getPauseTimeoutAction() {
        return step().getPauseTimeoutAction();
    }

    @DataBoundSetter
    public void setPauseTimeoutAction(String pauseTimeoutAction) {
        step().setPauseTimeoutAction(pauseTimeoutAction);
    }

    @Override
    protected String describe(EcsDeployCanaryStep step) {
        return step.getStrategy() + " deployment of service " + step.getService();
    }

    /** Registers the build step, with the checks of the traffic-shift fields. */
    @Extension
    public static class DescriptorImpl extends AbstractDeployBuilderDescriptor {
        public DescriptorImpl() {
            super(EcsDeployCanaryBuilder.class);
        }

        @Override
        public String getDisplayName() {
            return "ECS: deploy to a service with canary, linear or blue/green traffic shifting, or CodeDeploy";
        }

        @POST
        public FormValidation doCheckCanaryPercent(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().canaryPercent(item, value);
        }

        @POST
        public FormValidation doCheckStepPercent(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().stepPercent(item, value);
        }

        @POST
        public FormValidation doCheckCanaryBakeTimeInMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().canaryBakeMinutes(item, value);
        }

        @POST
        public FormValidation doCheckStepBakeTimeInMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().stepBakeMinutes(item, value);
        }

        @POST
        public FormValidation doCheckBakeTimeInMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().bakeMinutes(item, value);
        }

        @POST
        public FormValidation doCheckPauseTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().waitMinutes(item, value);
        }
    }
}
