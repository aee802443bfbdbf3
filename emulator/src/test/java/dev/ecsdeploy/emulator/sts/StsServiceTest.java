package dev.ecsdeploy.emulator.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class StsServiceTest {
    private static final String DEPLOYER = "arn:aws:iam::123456789012:role/deployer";
    private static final String PARTNER = "arn:aws:iam::123456789012:role/ci/partner";

    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    @Test
    void shouldIdentifyTheCaller() {
        GetCallerIdentityResponse identity = aws.sts().getCallerIdentity();

        assertThat(identity.account()).isEqualTo("123456789012");
        assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/emulator");
        assertThat(identity.userId()).startsWith("AIDA");
    }

    @Test
    void shouldAssumeADefinedRole() {
        aws.emulator().sts().defineRole(DEPLOYER);

        AssumeRoleResponse response =
                aws.sts().assumeRole(r -> r.roleArn(DEPLOYER).roleSessionName("build-42"));

        Credentials credentials = response.credentials();
        assertThat(credentials.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(credentials.secretAccessKey()).hasSize(40);
        assertThat(credentials.sessionToken()).isNotBlank();
        assertThat(credentials.expiration())
                .isEqualTo(aws.emulator()
                        .now()
                        .plus(Duration.ofHours(1))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(response.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/build-42");
        assertThat(response.assumedRoleUser().assumedRoleId())
                .startsWith("AROA")
                .endsWith(":build-42");
    }

    @Test
    void shouldAnswerTheAssumedRoleToCallsSignedWithItsCredentials() {
        aws.emulator().sts().defineRole(DEPLOYER);
        Credentials credentials = aws.sts()
                .assumeRole(r -> r.roleArn(DEPLOYER).roleSessionName("build-7"))
                .credentials();

        try (StsClient asRole = sessionClient(credentials)) {
            GetCallerIdentityResponse identity = asRole.getCallerIdentity();

            assertThat(identity.arn()).isEqualTo("arn:aws:sts::123456789012:assumed-role/deployer/build-7");
            assertThat(identity.userId()).endsWith(":build-7");
        }
    }

    @Test
    void shouldAnswerTheRolesAccountForACrossAccountRole() {
        String prod = "arn:aws:iam::999988887777:role/deploy/prod-deployer";
        aws.emulator().sts().defineRole(prod);
        AssumeRoleResponse response = aws.sts().assumeRole(r -> r.roleArn(prod).roleSessionName("release"));

        try (StsClient asRole = sessionClient(response.credentials())) {
            GetCallerIdentityResponse identity = asRole.getCallerIdentity();

            assertThat(response.assumedRoleUser().arn())
                    .isEqualTo("arn:aws:sts::999988887777:assumed-role/prod-deployer/release");
            assertThat(identity.account()).isEqualTo("999988887777");
            assertThat(identity.arn()).isEqualTo(response.assumedRoleUser().arn());
        }
    }

    @Test
    void shouldCheckTheExternalId() {
        aws.emulator().sts().defineRole(PARTNER, Optional.of("s3cr3t-id"), Duration.ofHours(1));

        AssumeRoleResponse right = aws.sts()
                .assumeRole(r -> r.roleArn(PARTNER).roleSessionName("ci").externalId("s3cr3t-id"));

        assertThat(right.assumedRoleUser().arn()).endsWith(":assumed-role/partner/ci");
        assertAccessDenied(() -> aws.sts()
                .assumeRole(r -> r.roleArn(PARTNER).roleSessionName("ci").externalId("no")));
        assertAccessDenied(() -> aws.sts().assumeRole(r -> r.roleArn(PARTNER).roleSessionName("ci")));
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        assertAccessDenied(() -> aws.sts()
                .assumeRole(
                        r -> r.roleArn("arn:aws:iam::123456789012:role/nobody").roleSessionName("x1")));
    }

    @Test
    void shouldEnforceDurationLimits() {
        aws.emulator().sts().defineRole(DEPLOYER);
        aws.emulator().sts().defineRole(PARTNER, Optional.empty(), Duration.ofHours(12));

        assertValidationError(() -> assumeFor(DEPLOYER, 899), "greater than or equal to 900");
        assertValidationError(() -> assumeFor(PARTNER, 43_201), "less than or equal to 43200");
        assertValidationError(() -> assumeFor(DEPLOYER, 3_601), "exceeds the MaxSessionDuration");
        assertThat(assumeFor(DEPLOYER, 900).credentials().expiration())
                .isEqualTo(aws.emulator().now().plusSeconds(900).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(assumeFor(PARTNER, 43_200).credentials()).isNotNull();
    }

    @Test
    void shouldLimitRoleChainingToOneHour() {
        aws.emulator().sts().defineRole(DEPLOYER);
        aws.emulator().sts().defineRole(PARTNER, Optional.empty(), Duration.ofHours(12));
        Credentials first = assumeFor(DEPLOYER, 3_600).credentials();

        try (StsClient asRole = sessionClient(first)) {
            assertValidationError(
                    () -> asRole.assumeRole(
                            r -> r.roleArn(PARTNER).roleSessionName("chain").durationSeconds(7_200)),
                    "role chaining");
            assertThat(asRole.assumeRole(r -> r.roleArn(PARTNER).roleSessionName("chain"))
                            .assumedRoleUser()
                            .arn())
                    .endsWith("assumed-role/partner/chain");
        }
    }

    @Test
    void shouldValidateTheSessionName() {
        aws.emulator().sts().defineRole(DEPLOYER);

        assertValidationError(
                () -> aws.sts().assumeRole(r -> r.roleArn(DEPLOYER).roleSessionName("has space")),
                "regular expression pattern");
        assertValidationError(
                () -> aws.sts().assumeRole(r -> r.roleArn(DEPLOYER).roleSessionName("x")), "length between 2 and 64");
    }

    @Test
    void shouldRefuseExpiredSessionCredentials() {
        aws.emulator().sts().defineRole(DEPLOYER);
        Credentials credentials = assumeFor(DEPLOYER, 900).credentials();

        aws.emulator().advance(Duration.ofMinutes(15));

        try (StsClient asRole = sessionClient(credentials)) {
            assertThatThrownBy(asRole::getCallerIdentity)
                    .isInstanceOfSatisfying(
                            StsException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        }
    }

    @Test
    void shouldLetTheSdkAssumeRoleProviderCallAnotherService() {
        aws.emulator().sts().defineRole(PARTNER, Optional.of("ext-1"), Duration.ofHours(2));
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(aws.sts())
                .refreshRequest(r -> r.roleArn(PARTNER)
                        .roleSessionName("provider")
                        .externalId("ext-1")
                        .durationSeconds(7_200))
                .build();

        try (provider;
                CloudWatchLogsClient logs = aws.clients()
                        .configure(CloudWatchLogsClient.builder())
                        .credentialsProvider(provider)
                        .build();
                StsClient sts = aws.clients()
                        .configure(StsClient.builder())
                        .credentialsProvider(provider)
                        .build()) {
            logs.createLogGroup(r -> r.logGroupName("/as/partner"));

            assertThat(logs.describeLogGroups().logGroups()).hasSize(1);
            assertThat(sts.getCallerIdentity().arn()).endsWith(":assumed-role/partner/provider");
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
        assertThat(aws.emulator().callLog().countSucceeded("sts", "AssumeRole")).isEqualTo(1);
    }

    private AssumeRoleResponse assumeFor(String roleArn, int seconds) {
        return aws.sts()
                .assumeRole(
                        r -> r.roleArn(roleArn).roleSessionName("s-" + seconds).durationSeconds(seconds));
    }

    private StsClient sessionClient(Credentials credentials) {
        return aws.clients()
                .configure(StsClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .build();
    }

    private static void assertAccessDenied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("User: arn:aws:iam::123456789012:user/emulator is not authorized to perform:"
                            + " sts:AssumeRole on resource: arn:aws:iam::123456789012:role/");
        });
    }

    private static void assertValidationError(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).contains(message);
        });
    }
}
