package io.jenkins.plugins.ecsdeploy.credentials;

import java.io.IOException;

/** The seam over the node a step runs on: whose default credential chain a step without credentials uses. */
public interface AgentIdentity {
    /** Whether there is no agent: the step runs outside {@code node}, or on the controller's built-in node. */
    boolean isController();

    /** The node's name for messages, such as {@code agent 'linux-1'}. */
    String describe();

    /**
     * Resolves the default credential chain on the agent (environment, profile, container or instance role) and
     * returns what it found.
     *
     * @throws AwsIdentityException when the agent is gone or offline
     */
    SessionCredentialsSnapshot resolveDefaultChain() throws IOException, InterruptedException;

    /** No agent: the step runs on the controller. */
    static AgentIdentity controller() {
        return new AgentIdentity() {
            @Override
            public boolean isController() {
                return true;
            }

            @Override
            public String describe() {
                return "the controller";
            }

            @Override
            public SessionCredentialsSnapshot resolveDefaultChain() {
                throw new IllegalStateException("the controller is not an agent");
            }
        };
    }
}
