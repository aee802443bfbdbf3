package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.core.input.InputParser;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that talks to AWS shares: where, as whom, how to print, and where history goes. */
final class AwsOptions {
    /** The history directory used when {@code --history} is not given. */
    static final String DEFAULT_HISTORY = Defaults.HISTORY_DIRECTORY;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = "--region", description = "AWS region (default: AWS_REGION, the profile's region, us-east-1).")
    String region;

    @Option(names = "--profile", description = "Named profile from ~/.aws/config and ~/.aws/credentials.")
    String profile;

    @Option(
            names = "--role-arn",
            description = "Assume this IAM role through STS (with the profile or default credentials).")
    String roleArn;

    @Option(
            names = "--endpoint-url",
            description = "Send every AWS call here (the ecs-deploy emulator, LocalStack, a VPC endpoint).")
    String endpointUrl;

    @Option(names = "--json", description = "Write machine-readable JSON to standard output.")
    boolean json;

    @Option(
            names = "--history",
            paramLabel = "DIR",
            description = "History store directory (default: " + DEFAULT_HISTORY + " in the working directory).")
    Path history;

    @Option(
            names = "--max-attempts",
            defaultValue = Defaults.MAX_ATTEMPTS_TEXT,
            description = "Attempts per AWS call, retries of throttling and 5xx included (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    URI endpoint() {
        return Inputs.require(InputParser.endpoint(endpointUrl), "--endpoint-url");
    }

    Path historyDirectory() {
        return history != null ? history : Path.of(DEFAULT_HISTORY);
    }
}
