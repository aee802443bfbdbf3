package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.ServiceBusyException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.ecs.model.EcsException;

/** How the CLI renders failures: AWS's own words, exit codes by kind, no "null" and no provider-chain dump. */
class FailuresTest {
    @Test
    void shouldRenderAnAwsErrorWithItsCodeMessageAndRequestId() {
        EcsException error = (EcsException) EcsException.builder()
                .statusCode(400)
                .requestId("req-1")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .serviceName("Ecs")
                        .errorCode("ClusterNotFoundException")
                        .errorMessage("Cluster not found.")
                        .build())
                .build();

        CliFailure failure = Failures.translate(error);

        assertThat(failure.exitCode()).isEqualTo(ExitCode.AWS_OR_TOOL_ERROR);
        assertThat(failure.getMessage())
                .isEqualTo("ECS failed: HTTP 400 ClusterNotFoundException: Cluster not found. (request id req-1)");
    }

    @Test
    void shouldRenderABodyThatIsNotAnAwsErrorWithItsFirstLine() {
        EcsException error = (EcsException) EcsException.builder()
                .statusCode(502)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .serviceName("Ecs")
                        .sdkHttpResponse(
                                SdkHttpResponse.builder().statusCode(502).build())
                        .rawResponse(SdkBytes.fromUtf8String("<html>Bad Gateway</html>\n<body/>"))
                        .build())
                .build();

        CliFailure failure = Failures.translate(error);

        assertThat(failure.getMessage())
                .isEqualTo("ECS failed: HTTP 502 with a body that is not an AWS error: <html>Bad Gateway</html>");
        assertThat(failure.hint()).contains("--endpoint-url");
    }

    @Test
    void shouldRenderMissingCredentialsInOneLine() {
        SdkClientException error = SdkClientException.create("Unable to load credentials from any of the providers"
                + " in the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
                + " EnvironmentVariableCredentialsProvider()]) : [SystemPropertyCredentialsProvider(): Unable to load"
                + " credentials from system settings.]");

        CliFailure failure = Failures.translate(error);

        assertThat(failure.exitCode()).isEqualTo(ExitCode.AWS_OR_TOOL_ERROR);
        assertThat(failure.getMessage())
                .startsWith("no AWS credentials found: looked in ")
                .doesNotContain("\n")
                .doesNotContain("Provider");
        assertThat(failure.hint()).contains("--profile");
    }

    @Test
    void shouldRenderABusyServiceAsARefusalThatIsNotBadInput() {
        CliFailure failure = Failures.translate(new ServiceBusyException(
                "deployment refused: another deployment is in progress on service web",
                "web",
                java.util.List.of("ecs-svc/1")));

        assertThat(failure.exitCode()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(failure.hint()).contains("--when-busy fail").doesNotContain("check the names");
    }
}
