package io.jenkins.plugins.ecsdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.clock.SimulatedClock;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import io.jenkins.plugins.ecsdeploy.exec.PluginAwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * A deploy that outlives its role session keeps working. The emulator's clock starts 13 minutes behind the real one,
 * so a 15-minute session it issues ends two minutes from now by the SDK's clock: past the point, five minutes before
 * the end, from which the SDK's STS provider fetches a new session, yet not stale. Advancing the emulator 20 minutes
 * then expires the first session for AWS, as a long deploy would.
 */
class RoleSessionRefreshTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.with(
            Emulator.builder().clock(SimulatedClock.manual(Instant.now().minus(Duration.ofMinutes(13)))));

    private final AwsClients clients = PluginAwsClients.create();

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void shouldRefreshTheRoleSessionSoADeployLongerThanTheSessionKeepsWorking() throws Exception {
        AWS.emulator().sts().defineRole(ROLE);
        var credentials = new FakeCredentials().with(FakeCredentials.keys("keys", "AKIAEMULATOR", "emulator-secret"));
        var resolver = new AwsIdentityResolver(
                IdentityDefaults.NONE,
                credentials,
                AgentIdentity.controller(),
                () -> {
                    throw new AssertionError("the controller identity must not be used");
                },
                clients::sts,
                Clock.systemUTC());
        AwsConnection connection = resolver.resolve(new AwsIdentityRequest(
                "us-east-1",
                "keys",
                ROLE,
                null,
                "build-42",
                900,
                AWS.emulator().endpoint().toString()));

        AwsCredentials first = connection.credentials().resolveCredentials();
        assertThat(callerArn(connection)).endsWith(":assumed-role/deployer/build-42");

        AWS.emulator().advance(Duration.ofMinutes(20));

        AwsConnection firstSessionOnly = AwsConnection.of(connection.region(), StaticCredentialsProvider.create(first))
                .withEndpointOverride(AWS.emulator().endpoint());
        assertThatThrownBy(() -> callerArn(firstSessionOnly))
                .isInstanceOfSatisfying(
                        StsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        assertThat(callerArn(connection)).endsWith(":assumed-role/deployer/build-42");
        assertThat(connection.credentials().resolveCredentials().accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(AWS.emulator().callLog().countSucceeded("sts", "AssumeRole")).isGreaterThanOrEqualTo(2);
    }

    private String callerArn(AwsConnection connection) {
        return clients.sts(connection).getCallerIdentity().arn();
    }
}
