package io.jenkins.plugins.ecsdeploy.credentials;

import java.io.IOException;
import jenkins.security.MasterToSlaveCallable;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Runs on the agent: resolves the AWS SDK's default credential chain there (environment, system properties, profile,
 * web identity, container and instance role) and sends the result back.
 */
public final class AgentDefaultChainCallable extends MasterToSlaveCallable<SessionCredentialsSnapshot, IOException> {
    private static final long serialVersionUID = 1L;

    @Override
    public SessionCredentialsSnapshot call() throws IOException {
        try (DefaultCredentialsProvider chain =
                DefaultCredentialsProvider.builder().build()) {
            return SessionCredentialsSnapshot.of(chain.resolveCredentials());
        } catch (SdkClientException e) {
            throw new IOException("The AWS default credential chain found no credentials: " + e.getMessage(), e);
        }
    }
}
