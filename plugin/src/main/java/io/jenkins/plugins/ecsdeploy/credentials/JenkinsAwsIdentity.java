package io.jenkins.plugins.ecsdeploy.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import hudson.model.Computer;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.config.EcsDeployGlobalConfiguration;
import java.io.IOException;
import java.time.Clock;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Wires {@link AwsIdentityResolver} inside Jenkins: credentials of the build, the agent of the step's node block,
 * the global defaults. Every Jenkins call here is a one-liner; the logic lives in the resolver and is tested there.
 */
public final class JenkinsAwsIdentity {
    private JenkinsAwsIdentity() {}

    /**
     * Resolves a step's identity. Call it again after a restart rather than persisting the result: the connection
     * holds credentials and must stay in transient fields.
     */
    public static AwsConnection resolve(StepContext context, AwsIdentityRequest request, AwsClients clients)
            throws IOException, InterruptedException {
        return resolve(context.get(Run.class), agentOf(context), request, clients);
    }

    /** For callers outside a pipeline step (a Freestyle builder): {@code computer} may be null. */
    public static AwsConnection resolve(
            Run<?, ?> run, Computer computer, AwsIdentityRequest request, AwsClients clients)
            throws IOException, InterruptedException {
        return resolve(
                run, computer == null ? AgentIdentity.controller() : new ComputerAgent(computer), request, clients);
    }

    private static AwsConnection resolve(
            Run<?, ?> run, AgentIdentity agent, AwsIdentityRequest request, AwsClients clients)
            throws IOException, InterruptedException {
        AwsIdentityResolver resolver = new AwsIdentityResolver(
                EcsDeployGlobalConfiguration.get().identityDefaults(),
                new RunCredentials(run),
                agent,
                AwsIdentityResolver::controllerDefaultChain,
                clients::sts,
                Clock.systemUTC());
        return resolver.resolve(
                request.withDefaultSessionName(AwsIdentityResolver.sessionNameFor(run.getExternalizableId())));
    }

    /**
     * The node the step runs on. A node that Pipeline cannot bring back after a restart is reported as gone, never
     * replaced by the controller.
     */
    private static AgentIdentity agentOf(StepContext context) throws InterruptedException {
        try {
            Computer computer = context.get(Computer.class);
            return computer == null ? AgentIdentity.controller() : new ComputerAgent(computer);
        } catch (IOException e) {
            return new GoneAgent(e.getMessage());
        }
    }

    private static final class RunCredentials implements CredentialsLookup {
        private final Run<?, ?> run;

        RunCredentials(Run<?, ?> run) {
            this.run = run;
        }

        @Override
        public StandardCredentials find(String credentialsId) {
            return CredentialsProvider.findCredentialById(credentialsId, StandardCredentials.class, run);
        }

        @Override
        public void track(StandardCredentials credentials) {
            CredentialsProvider.track(run, credentials);
        }
    }

    private static final class ComputerAgent implements AgentIdentity {
        private final Computer computer;

        ComputerAgent(Computer computer) {
            this.computer = computer;
        }

        @Override
        public boolean isController() {
            return computer.getName().isEmpty();
        }

        @Override
        public String describe() {
            return "agent '" + computer.getName() + "'";
        }

        @Override
        public SessionCredentialsSnapshot resolveDefaultChain() throws IOException, InterruptedException {
            var channel = computer.getChannel();
            if (channel == null) {
                throw AgentMessages.gone(describe());
            }
            return channel.call(new AgentDefaultChainCallable());
        }
    }

    private static final class GoneAgent implements AgentIdentity {
        private final String reason;

        GoneAgent(String reason) {
            this.reason = reason;
        }

        @Override
        public boolean isController() {
            return false;
        }

        @Override
        public String describe() {
            return "the step's agent (" + reason + ")";
        }

        @Override
        public SessionCredentialsSnapshot resolveDefaultChain() throws AwsIdentityException {
            throw AgentMessages.gone(describe());
        }
    }
}
