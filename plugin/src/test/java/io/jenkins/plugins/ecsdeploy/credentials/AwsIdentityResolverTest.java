package io.jenkins.plugins.ecsdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.aws.AwsConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

class AwsIdentityResolverTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AwsCredentialsProvider CONTROLLER =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACONTROLLER", "controller-secret"));

    private final FakeCredentials credentials = new FakeCredentials();
    private final AtomicInteger controllerChainUses = new AtomicInteger();

    private AwsIdentityResolver resolver(IdentityDefaults defaults, AgentIdentity agent) {
        return new AwsIdentityResolver(
                defaults,
                credentials,
                agent,
                () -> {
                    controllerChainUses.incrementAndGet();
                    return CONTROLLER;
                },
                connection -> StsClient.builder()
                        .region(connection.region())
                        .credentialsProvider(connection.credentials())
                        .build(),
                CLOCK);
    }

    private static AwsIdentityRequest request(String region, String credentialsId) {
        return new AwsIdentityRequest(region, credentialsId, null, null, null, null, null);
    }

    @Test
    void shouldHandAwsCredentialsToCoreAsTheProviderAndTrackTheirUse() throws Exception {
        var aws = FakeCredentials.aws("prod-aws", "AKIAPROD", "prod-secret");
        credentials.with(aws);

        AwsConnection connection =
                resolver(IdentityDefaults.NONE, AgentIdentity.controller()).resolve(request("eu-west-1", "prod-aws"));

        assertThat(connection.credentials()).isSameAs(aws);
        assertThat(connection.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(connection.endpointOverride()).isEmpty();
        assertThat(credentials.tracked).containsExactly("prod-aws");
    }

    @Test
    void shouldReadAccessKeysFromUsernameAndPassword() throws Exception {
        credentials.with(FakeCredentials.keys("keys", "AKIAKEYS", "keys-secret"));

        AwsConnection connection =
                resolver(IdentityDefaults.NONE, AgentIdentity.controller()).resolve(request("us-east-1", "keys"));

        AwsCredentials resolved = connection.credentials().resolveCredentials();
        assertThat(resolved.accessKeyId()).isEqualTo("AKIAKEYS");
        assertThat(resolved.secretAccessKey()).isEqualTo("keys-secret");
        assertThat(credentials.tracked).containsExactly("keys");
    }

    @Test
    void shouldRefuseCredentialsThatHoldNoAwsKeys() {
        credentials.with(FakeCredentials.other("file"));

        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(request("us-east-1", "file")))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessageContaining("'file' are neither AWS credentials nor a username with password");
        assertThat(credentials.tracked).isEmpty();
    }

    @Test
    void shouldNameAMissingCredentialsId() {
        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(request("us-east-1", "nope")))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessage("Cannot find credentials with id 'nope' for this build");
    }

    @Test
    void shouldFallBackToTheGlobalDefaults() throws Exception {
        credentials.with(FakeCredentials.keys("default-keys", "AKIADEFAULT", "s"));
        var defaults = new IdentityDefaults("ap-south-1", "default-keys", "http://127.0.0.1:4599", false);

        AwsConnection connection =
                resolver(defaults, AgentIdentity.controller()).resolve(request(null, null));

        assertThat(connection.region()).isEqualTo(Region.AP_SOUTH_1);
        assertThat(connection.endpointOverride()).contains(URI.create("http://127.0.0.1:4599"));
        assertThat(connection.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIADEFAULT");
    }

    @Test
    void shouldPreferTheStepsValuesOverTheGlobalDefaults() throws Exception {
        credentials.with(FakeCredentials.keys("default-keys", "AKIADEFAULT", "s"));
        credentials.with(FakeCredentials.keys("step-keys", "AKIASTEP", "s"));
        var defaults = new IdentityDefaults("ap-south-1", "default-keys", "http://127.0.0.1:4599", false);

        AwsConnection connection = resolver(defaults, AgentIdentity.controller())
                .resolve(new AwsIdentityRequest(
                        "eu-central-1", "step-keys", null, null, null, null, "https://vpce.example.com"));

        assertThat(connection.region()).isEqualTo(Region.EU_CENTRAL_1);
        assertThat(connection.endpointOverride()).contains(URI.create("https://vpce.example.com"));
        assertThat(connection.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKIASTEP");
    }

    @Test
    void shouldUseTheAgentsDefaultChainWithoutCredentialsId() throws Exception {
        var agent = new FakeAgent()
                .answering(new SessionCredentialsSnapshot("ASIAAGENT", "agent-secret", "token", NOW.plusSeconds(3600)));

        AwsConnection connection = resolver(IdentityDefaults.NONE, agent).resolve(request("us-east-1", null));

        AwsCredentials resolved = connection.credentials().resolveCredentials();
        assertThat(resolved).isInstanceOf(AwsSessionCredentials.class);
        assertThat(resolved.accessKeyId()).isEqualTo("ASIAAGENT");
        assertThat(((AwsSessionCredentials) resolved).sessionToken()).isEqualTo("token");
        assertThat(controllerChainUses).hasValue(0);
    }

    @Test
    void shouldUseTheAgentEvenWhenTheControllerIdentityIsAllowed() throws Exception {
        var agent = new FakeAgent().answering(new SessionCredentialsSnapshot("ASIAAGENT", "s", "t", null));
        var defaults = new IdentityDefaults("us-east-1", null, null, true);

        AwsConnection connection = resolver(defaults, agent).resolve(request(null, null));

        assertThat(connection.credentials().resolveCredentials().accessKeyId()).isEqualTo("ASIAAGENT");
        assertThat(controllerChainUses).hasValue(0);
    }

    @Test
    void shouldRefuseTheControllerIdentityUnlessAnAdministratorAllowedIt() {
        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(request("us-east-1", null)))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessageContaining("runs on the controller, whose own AWS identity is not used unless an"
                        + " administrator allows it");
        assertThat(controllerChainUses).hasValue(0);
    }

    @Test
    void shouldUseTheControllerIdentityWhenAllowed() throws Exception {
        var defaults = new IdentityDefaults("us-east-1", null, null, true);

        AwsConnection connection =
                resolver(defaults, AgentIdentity.controller()).resolve(request(null, null));

        assertThat(connection.credentials()).isSameAs(CONTROLLER);
        assertThat(controllerChainUses).hasValue(1);
    }

    @Test
    void shouldFailClearlyWhenTheAgentIsGoneInsteadOfUsingAnotherIdentity() {
        var agent = new FakeAgent();
        agent.disconnect();
        var defaults = new IdentityDefaults("us-east-1", null, null, true);

        assertThatThrownBy(() -> resolver(defaults, agent).resolve(request(null, null)))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessageContaining("Cannot get AWS credentials from agent 'linux-1': it is not connected")
                .hasMessageContaining("never falls back to another identity");
        assertThat(controllerChainUses).hasValue(0);
    }

    @Test
    void shouldAskForARegionWhenNoneIsSet() {
        credentials.with(FakeCredentials.keys("keys", "AKIA", "s"));

        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(request(null, "keys")))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessageStartingWith("No AWS region");
    }

    @Test
    void shouldRejectAnEndpointThatIsNotAnAbsoluteUrl() {
        credentials.with(FakeCredentials.keys("keys", "AKIA", "s"));

        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(new AwsIdentityRequest("us-east-1", "keys", null, null, null, null, "localhost")))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessageContaining("'localhost' is not an absolute URL");
    }

    @Test
    void shouldAssumeTheRoleThroughTheRefreshingStsProvider() throws Exception {
        credentials.with(FakeCredentials.keys("keys", "AKIA", "s"));

        AwsConnection connection = resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                .resolve(new AwsIdentityRequest(
                        "us-east-1", "keys", "arn:aws:iam::123456789012:role/deploy", "ext", "build-7", 900, null));

        assertThat(connection.credentials()).isInstanceOf(StsAssumeRoleCredentialsProvider.class);
        assertThat(connection.region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void shouldRejectARoleSessionDurationStsWouldRefuse() {
        credentials.with(FakeCredentials.keys("keys", "AKIA", "s"));

        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(new AwsIdentityRequest(
                                "us-east-1", "keys", "arn:aws:iam::123456789012:role/deploy", null, null, 60, null)))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessage("roleSessionDuration must be between 900 and 43200 seconds: 60");
    }

    @Test
    void shouldRejectARoleSessionNameStsWouldRefuse() {
        credentials.with(FakeCredentials.keys("keys", "AKIA", "s"));

        assertThatThrownBy(() -> resolver(IdentityDefaults.NONE, AgentIdentity.controller())
                        .resolve(new AwsIdentityRequest(
                                "us-east-1", "keys", "arn:aws:iam::1:role/r", null, "has space", null, null)))
                .isInstanceOf(AwsIdentityException.class)
                .hasMessageContaining("roleSessionName must be 2 to 64 characters");
    }

    @Test
    void shouldDeriveARoleSessionNameStsAcceptsFromTheBuildId() {
        assertThat(AwsIdentityResolver.sessionNameFor("team/app#12")).isEqualTo("jenkins-team-app-12");
        assertThat(AwsIdentityResolver.sessionNameFor("x".repeat(100)))
                .hasSize(64)
                .matches("[\\w+=,.@-]+");
    }

    @Test
    void shouldKeepTheStepsRoleSessionName() {
        var named = new AwsIdentityRequest(null, null, "arn", null, "mine", null, null);

        assertThat(named.withDefaultSessionName("jenkins-x").getRoleSessionName())
                .isEqualTo("mine");
        assertThat(request(null, null).withDefaultSessionName("jenkins-x").getRoleSessionName())
                .isEqualTo("jenkins-x");
    }
}
