package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.aws.AwsFailure;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.deploy.ServiceBusyException;
import dev.ecsdeploy.core.ecr.DockerfileJib;
import dev.ecsdeploy.core.ecr.RepositoryNotFoundException;
import dev.ecsdeploy.core.ecr.UnsupportedDockerfileException;
import dev.ecsdeploy.core.input.InvalidInputException;
import dev.ecsdeploy.core.spec.InvalidSpecException;
import dev.ecsdeploy.core.task.ContainerChoiceException;
import dev.ecsdeploy.core.task.TaskRunException;
import java.io.UncheckedIOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Maps what the core and the SDK throw to the CLI's exit codes and "{what happened}: {why}" messages with a hint. */
final class Failures {
    private Failures() {}

    static CliFailure translate(Throwable exception) {
        if (exception instanceof CliFailure failure) {
            return failure;
        }
        if (exception instanceof ServiceBusyException) {
            return CliFailure.operationFailed(
                    exception.getMessage(),
                    "refused because of --when-busy fail; drop it to wait for the deployment in progress (the"
                            + " default), or run again once it has finished");
        }
        if (exception instanceof ContainerChoiceException choice) {
            return CliFailure.badInput(
                    exception.getMessage(),
                    "add --container NAME, one of: " + String.join(", ", choice.containerNames()));
        }
        if (exception instanceof InvalidDeploymentException
                || exception instanceof InvalidSpecException
                || exception instanceof TaskRunException) {
            return CliFailure.badInput(exception.getMessage(), "check the names, files and options given");
        }
        if (exception instanceof InvalidInputException invalid) {
            return CliFailure.badInput(invalid.getMessage(), invalid.problem().hint());
        }
        if (exception instanceof RepositoryNotFoundException) {
            return CliFailure.badInput(
                    exception.getMessage(),
                    "create the repository first, or pass --create-repository to build-push to create it");
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
        if (exception instanceof SdkException) {
            AwsFailure failure = AwsFailure.describe(exception);
            return new CliFailure(ExitCode.AWS_OR_TOOL_ERROR, failure.summary(), hintFor(failure, exception));
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

    private static String hintFor(AwsFailure failure, Throwable exception) {
        return switch (failure.kind()) {
            case MISSING_CREDENTIALS -> "set credentials in one of those places, or pass --profile or --role-arn";
            case NOT_AN_AWS_ANSWER ->
                "something other than AWS answered; check --endpoint-url, --region and any proxy in between";
            case NO_ANSWER -> "check --region, --endpoint-url, the network and the credentials (--profile, --role-arn)";
            case AWS_ERROR -> {
                if (failure.isAccessDenied()) {
                    yield "the credentials in use lack a permission; check --profile / --role-arn and the IAM policy";
                }
                if (exception instanceof AwsServiceException aws && aws.isThrottlingException()) {
                    yield "AWS throttled the calls past the retry budget; try again in a minute";
                }
                yield null;
            }
        };
    }
}
