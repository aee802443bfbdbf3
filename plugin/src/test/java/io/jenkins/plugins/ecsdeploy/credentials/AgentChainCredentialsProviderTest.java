package io.jenkins.plugins.ecsdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class AgentChainCredentialsProviderTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private static SessionCredentialsSnapshot session(String key, Instant expiration) {
        return new SessionCredentialsSnapshot(key, "secret-" + key, "token-" + key, expiration);
    }

    @Test
    void shouldKeepTheAgentsCredentialsWhileTheyAreFresh() throws Exception {
        var agent = new FakeAgent().answering(session("A", NOW.plus(Duration.ofHours(1))), session("B", null));
        var provider = AgentChainCredentialsProvider.fetch(agent, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("A");
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("A");
        assertThat(agent.calls).isEqualTo(1);
    }

    @Test
    void shouldAskTheAgentAgainShortlyBeforeTheCredentialsExpire() throws Exception {
        var agent = new FakeAgent()
                .answering(session("A", NOW.plus(Duration.ofMinutes(4))), session("B", NOW.plus(Duration.ofHours(1))));
        var provider = AgentChainCredentialsProvider.fetch(agent, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("B");
        assertThat(agent.calls).isEqualTo(2);
    }

    @Test
    void shouldFailWithTheAgentsMessageOnceTheAgentIsGone() throws Exception {
        var agent = new FakeAgent().answering(session("A", NOW.plus(Duration.ofMinutes(1))));
        var provider = AgentChainCredentialsProvider.fetch(agent, Clock.fixed(NOW, ZoneOffset.UTC));
        agent.disconnect();

        assertThatThrownBy(provider::resolveCredentials)
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("agent 'linux-1': it is not connected");
    }

    @Test
    void shouldNeverShowTheSecretInItsDescription() throws Exception {
        var snapshot = session("A", NOW);

        assertThat(snapshot.toString()).contains("A").doesNotContain("secret-A").doesNotContain("token-A");
    }
}
