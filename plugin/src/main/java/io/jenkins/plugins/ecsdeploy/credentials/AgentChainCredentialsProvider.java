package io.jenkins.plugins.ecsdeploy.credentials;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The agent's default chain as a credentials provider on the controller. It keeps the last credentials the agent
 * sent and asks the agent again once they are about to expire, so a deploy that outlives an instance-role session
 * keeps working while the agent is connected, and fails clearly once it is not.
 */
public final class AgentChainCredentialsProvider implements AwsCredentialsProvider {
    /** Ask the agent again this long before the credentials expire, as the SDK's own providers do. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final AgentIdentity agent;
    private final Clock clock;
    private SessionCredentialsSnapshot current;

    AgentChainCredentialsProvider(AgentIdentity agent, Clock clock) {
        this.agent = agent;
        this.clock = clock;
    }

    /** Fetches once now, so that a missing identity fails the step at once with the agent's message. */
    static AgentChainCredentialsProvider fetch(AgentIdentity agent, Clock clock)
            throws IOException, InterruptedException {
        AgentChainCredentialsProvider provider = new AgentChainCredentialsProvider(agent, clock);
        provider.current = agent.resolveDefaultChain();
        return provider;
    }

    @Override
    public synchronized AwsCredentials resolveCredentials() {
        if (current == null || current.expiresWithin(REFRESH_MARGIN, clock.instant())) {
            current = fetchOrFail();
        }
        return current.toAwsCredentials();
    }

    private SessionCredentialsSnapshot fetchOrFail() {
        try {
            return agent.resolveDefaultChain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("Interrupted while asking " + agent.describe() + " for credentials", e);
        } catch (IOException e) {
            throw SdkClientException.create(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "AgentChainCredentialsProvider[" + agent.describe() + "]";
    }
}
