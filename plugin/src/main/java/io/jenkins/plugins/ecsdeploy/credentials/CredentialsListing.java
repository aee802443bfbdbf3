package io.jenkins.plugins.ecsdeploy.credentials;

import hudson.model.Item;
import hudson.util.ListBoxModel;

/** The seam over the credentials plugin's list boxes and lookups, for {@link CredentialsIdField}. */
public interface CredentialsListing {
    /** A list holding only the value the form already has, so nothing else is revealed. */
    ListBoxModel currentValueOnly(String credentialsId);

    /** AWS and username/password credentials visible in {@code item} (null: the global context). */
    ListBoxModel all(Item item, String credentialsId);

    /** Whether such a credential with this id is visible in {@code item} (null: the global context). */
    boolean exists(Item item, String credentialsId);
}
