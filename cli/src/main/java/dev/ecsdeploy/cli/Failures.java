package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.ecr.DockerfileJib;
import dev.ecsdeploy.core.ecr.UnsupportedDockerfileException;
import dev.ecsdeploy.core.input.InvalidInputException;
import dev.ecsdeploy.core.spec.InvalidSpecException;
import dev.ecsdeploy.core.task.TaskRunException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Maps what the core and the SDK throw to the CLI's exit codes and "{what happened}: {why}" messages with a hint. */
final class Failures {
    private Failures() {}

    static CliFailure translate(Throwable exception) {
        if (exception instanceof CliFailure failure) {
            return failure;
        }
        if (exception instanceof InvalidDeploymentException
                || exception instanceof InvalidSpecException
                || exception instanceof TaskRunException) {
            return CliFailure.badInput(exception.getMessage(), "check the names, files and options given");
        }
        if (exception instanceof InvalidInputException invalid) {
            return CliFailure.badInput(invalid.getMessage(), invalid.problem().hint());
        }
        if (exception instanceof UnsupportedDockerfileException) {
            return CliFailure.badInput(
                    exception.getMessage(),
                    "use --builder docker, podman or buildah, or keep the Dockerfile to " + DockerfileJib.SUPPORTED);
        }
        if (exception instanceof dev.ecsdeploy.core.ecr.BuilderFailedException) {
            return new CliFailure(
                    ExitCode.AWS_OR_TOOL_ERROR,
                    exception.getMessage(),
                    "the builder's output is above; build the image by hand to see the full error");
        }
        if (exception instanceof dev.ecsdeploy.core.ecr.EcrImageException
                && exception.getCause() instanceof software.amazon.awssdk.core.exception.SdkException cause) {
            return new CliFailure(
                    ExitCode.AWS_OR_TOOL_ERROR,
                    exception.getMessage(),
                    translate(cause).hint());
        }
        if (exception instanceof dev.ecsdeploy.core.ecr.EcrImageException) {
            return CliFailure.badInput(exception.getMessage(), "check the repository, tags, context and builder");
        }
        if (exception instanceof AwsServiceException aws) {
            return new CliFailure(
                    ExitCode.AWS_OR_TOOL_ERROR,
                    "AWS call failed: " + aws.awsErrorDetails().errorCode() + ": "
                            + aws.awsErrorDetails().errorMessage(),
                    hintFor(aws));
        }
        if (exception instanceof SdkClientException client) {
            return new CliFailure(
                    ExitCode.AWS_OR_TOOL_ERROR,
                    "AWS could not be reached: " + client.getMessage(),
                    "check --region, --endpoint-url, the network and the credentials (--profile, --role-arn)");
        }
        if (exception instanceof UncheckedIOException io) {
            return new CliFailure(
                    ExitCode.AWS_OR_TOOL_ERROR, "I/O failed: " + io.getCause().getMessage(), null);
        }
        return new CliFailure(
                ExitCode.AWS_OR_TOOL_ERROR,
                "ecsdeploy failed: " + exception,
                "this looks like a bug; please report it with the command line");
    }

    private static String hintFor(AwsServiceException aws) {
        String code = aws.awsErrorDetails().errorCode();
        if (code != null && (code.contains("AccessDenied") || code.contains("Unauthorized"))) {
            return "the credentials in use lack a permission; check --profile / --role-arn and the IAM policy";
        }
        if (aws.isThrottlingException()) {
            return "AWS throttled the calls past the retry budget; try again in a minute";
        }
        return "request id " + aws.requestId();
    }
}
