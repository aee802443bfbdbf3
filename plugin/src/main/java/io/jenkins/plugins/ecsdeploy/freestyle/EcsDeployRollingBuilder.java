package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.Extension;
import io.jenkins.plugins.ecsdeploy.steps.EcsDeployRollingStep;
import org.kohsuke.stapler.DataBoundConstructor;

/** The Freestyle form of {@code ecsDeployRolling}: the same fields, the same execution. */
public class EcsDeployRollingBuilder extends AbstractDeployBuilder<EcsDeployRollingStep> {
    @DataBoundConstructor
    public EcsDeployRollingBuilder(String service) {
        super(new EcsDeployRollingStep(service));
    }

    @Override
    protected String describe(EcsDeployRollingStep step) {
        return "rolling deployment of service " + step.getService();
    }

    /** Registers the build step. */
    @Extension
    public static class DescriptorImpl extends AbstractDeployBuilderDescriptor {
        public DescriptorImpl() {
            super(EcsDeployRollingBuilder.class);
        }

        @Override
        public String getDisplayName() {
            return "ECS: deploy to a service with a rolling update";
        }
    }
}
