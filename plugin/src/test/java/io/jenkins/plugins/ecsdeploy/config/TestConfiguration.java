package io.jenkins.plugins.ecsdeploy.config;

import io.jenkins.plugins.ecsdeploy.credentials.CredentialsIdField;
import io.jenkins.plugins.ecsdeploy.credentials.RecordingListing;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;

/** The global configuration without a Jenkins to persist to: counts its saves instead. */
class TestConfiguration extends EcsDeployGlobalConfiguration {
    transient int saves;

    TestConfiguration(JenkinsFacade jenkins) {
        super(jenkins, new CredentialsIdField(jenkins, new RecordingListing("prod-aws")));
    }

    @Override
    public synchronized void save() {
        saves++;
    }

    @Override
    public synchronized void load() {}
}
