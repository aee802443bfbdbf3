package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import io.jenkins.plugins.ecsdeploy.credentials.AwsIdentityRequest;
import io.jenkins.plugins.ecsdeploy.credentials.JenkinsAwsIdentity;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Resolves a step's {@link AwsTarget} inside Jenkins through the credentials package: the build's credential, the
 * agent's default chain, the role session. Called again after every restart; the connection is never persisted.
 */
final class StepConnections {
    private StepConnections() {}

    static AwsConnection resolve(StepContext context, AwsTarget target, AwsClients stsClients)
            throws IOException, InterruptedException {
        return JenkinsAwsIdentity.resolve(context, request(target), stsClients);
    }

    static AwsIdentityRequest request(AwsTarget target) {
        return new AwsIdentityRequest(
                target.region(),
                target.credentialsId(),
                target.roleArn(),
                target.externalId(),
                target.roleSessionName(),
                target.roleSessionDuration(),
                target.endpointUrl());
    }
}
