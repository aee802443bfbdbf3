package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.steps.EcrPromoteStep;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The Freestyle form of {@code ecrPromote}: adds tags to an image already in ECR. */
public class EcrPromoteBuilder extends EcsBuilder<EcrPromoteStep> {
    @DataBoundConstructor
    public EcrPromoteBuilder(String repository, String source, String tags) {
        super(new EcrPromoteStep(repository, source, tags));
    }

    public String getRepository() {
        return step().getRepository();
    }

    public String getSource() {
        return step().getSource();
    }

    public String getTags() {
        return step().getTags();
    }

    @Override
    protected String describe(EcrPromoteStep step) {
        return "promotion of " + step.getRepository() + ":" + step.getSource() + " to " + step.getTags();
    }

    @Override
    protected Map<String, String> variables(EcrPromoteStep step, Map<String, Object> result) {
        return ResultVariables.image(result);
    }

    /** Registers the build step. */
    @Extension
    public static class DescriptorImpl extends EcsBuilderDescriptor {
        public DescriptorImpl() {
            super(EcrPromoteBuilder.class);
        }

        @Override
        public String getDisplayName() {
            return "ECR: add tags to an image (promote)";
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().repository(item, value);
        }

        @POST
        public FormValidation doCheckSource(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().tagOrDigest(item, value);
        }

        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().tags(item, value, true);
        }
    }
}
