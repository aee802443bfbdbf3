package io.jenkins.plugins.ecsdeploy.credentials;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;
import jenkins.model.Jenkins;

/**
 * The {@code credentialsId} form field of every descriptor in the plugin: the list box and its check. Only users who
 * may configure the item (or administer Jenkins, for the global configuration) see the credentials; everyone else
 * gets back only the value they sent, so ids cannot be enumerated. Descriptors call it from {@code @POST} web
 * methods with an {@code @AncestorInPath Item}.
 */
public final class CredentialsIdField {
    private final JenkinsFacade jenkins;
    private final CredentialsListing listing;

    public CredentialsIdField(JenkinsFacade jenkins, CredentialsListing listing) {
        this.jenkins = jenkins;
        this.listing = listing;
    }

    public static CredentialsIdField inJenkins() {
        return new CredentialsIdField(new JenkinsFacade(), new JenkinsCredentialsListing());
    }

    public ListBoxModel fill(Item item, String credentialsId) {
        if (!mayList(item)) {
            return listing.currentValueOnly(credentialsId);
        }
        return listing.all(item, credentialsId);
    }

    public FormValidation check(Item item, String credentialsId) {
        if (!mayList(item)) {
            return FormValidation.ok();
        }
        String id = AwsIdentityRequest.trimToNull(credentialsId);
        if (id == null) {
            return FormValidation.ok("No credentials: the step uses the AWS identity of the agent it runs on");
        }
        if (id.startsWith("${")) {
            return FormValidation.warning("Resolved when the build runs: cannot check it here");
        }
        if (!listing.exists(item, id)) {
            return FormValidation.error("Cannot find AWS credentials or a username with password with this ID");
        }
        return FormValidation.ok();
    }

    private boolean mayList(Item item) {
        return item == null ? jenkins.hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }
}
