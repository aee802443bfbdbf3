package io.jenkins.plugins.ecsdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class AgentDefaultChainCallableTest {
    @AfterEach
    void clearProperties() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        System.clearProperty("aws.sessionToken");
    }

    @Test
    void shouldSendBackWhatTheAgentsDefaultChainResolves() throws Exception {
        // The first link of the SDK's default chain: the JVM's system properties, as an agent JVM would have them.
        System.setProperty("aws.accessKeyId", "ASIAONAGENT");
        System.setProperty("aws.secretAccessKey", "agent-secret");
        System.setProperty("aws.sessionToken", "agent-token");

        SessionCredentialsSnapshot snapshot =
                travel(new AgentDefaultChainCallable()).call();

        var credentials = (AwsSessionCredentials) travel(snapshot).toAwsCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("ASIAONAGENT");
        assertThat(credentials.secretAccessKey()).isEqualTo("agent-secret");
        assertThat(credentials.sessionToken()).isEqualTo("agent-token");
    }

    /** Both cross the agent channel, which serializes them. */
    @SuppressWarnings("unchecked")
    private static <T> T travel(T value) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
