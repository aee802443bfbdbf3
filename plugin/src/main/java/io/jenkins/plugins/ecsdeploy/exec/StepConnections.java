package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsConnection;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/** Resolves a step's {@link AwsTarget} to a core connection inside Jenkins (credentials, role, agent identity). */
final class StepConnections {
    private StepConnections() {}

    static AwsConnection resolve(StepContext context, AwsTarget target) throws IOException, InterruptedException {
        throw new IOException("no credentials resolver is available on this branch yet");
    }
}
