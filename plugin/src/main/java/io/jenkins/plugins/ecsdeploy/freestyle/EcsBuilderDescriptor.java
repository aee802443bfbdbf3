package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsdeploy.credentials.CredentialsIdField;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of every ecs-deploy Freestyle build step: applicable to every project type, with the credentials
 * picker of the pipeline steps. No {@code @Symbol}: in a Pipeline the steps themselves have these names.
 */
public abstract class EcsBuilderDescriptor extends BuildStepDescriptor<Builder> {
    protected EcsBuilderDescriptor(Class<? extends Builder> type) {
        super(type);
    }

    @Override
    public boolean isApplicable(Class<? extends AbstractProject> jobType) {
        return true;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return CredentialsIdField.inJenkins().fill(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return CredentialsIdField.inJenkins().check(item, value);
    }

    /** The checks of names, tags, percentages and durations, shared by every build step. */
    protected FormChecks checks() {
        return FormChecks.inJenkins();
    }
}
