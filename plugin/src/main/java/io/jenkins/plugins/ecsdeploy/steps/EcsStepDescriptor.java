package io.jenkins.plugins.ecsdeploy.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsdeploy.credentials.CredentialsIdField;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of every step: the credentials picker of the {@code credentialsId} field, which lists credentials
 * only to users who may configure the job (POST, permission checked by {@link CredentialsIdField}).
 */
public abstract class EcsStepDescriptor extends StepDescriptor {
    @POST
    public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
        return CredentialsIdField.inJenkins().fill(item, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        return CredentialsIdField.inJenkins().check(item, value);
    }
}
