package io.jenkins.plugins.ecsdeploy.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;

/** The seam over the credentials plugin: finds a credential for the running build and records its use. */
public interface CredentialsLookup {
    /** The credential with this id visible to the build, or null. */
    StandardCredentials find(String credentialsId);

    /** Records that the build used the credential (the credentials plugin's fingerprint tracking). */
    void track(StandardCredentials credentials);
}
