package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.core.input.InputParser;
import dev.ecsdeploy.core.input.Parsed;
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

    /** Checks the common options before any call: a region that is a region, a profile that exists, a usable history. */
    void validate() {
        if (region != null) {
            Inputs.require(InputParser.region(region), "--region");
        }
        if (profile != null) {
            Profiles.requireExisting(profile);
        }
        if (maxAttempts < 1) {
            throw CliFailure.badInput(
                    "invalid --max-attempts " + maxAttempts + ": at least 1",
                    "use --max-attempts " + Defaults.MAX_ATTEMPTS_TEXT);
        }
        if (endpointUrl != null) {
            endpoint();
        }
        Parsed<Path> directory = InputParser.historyDirectory(historyDirectory());
        directory.problem().ifPresent(problem -> {
            throw CliFailure.badInput(problem.message(), problem.hint());
        });
    }

    URI endpoint() {
        return Inputs.require(InputParser.endpoint(endpointUrl), "--endpoint-url");
    }

    Path historyDirectory() {
        return history != null ? history : Path.of(DEFAULT_HISTORY);
    }
}
