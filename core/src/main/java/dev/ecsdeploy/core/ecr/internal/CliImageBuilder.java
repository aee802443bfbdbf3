package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuildSecret;
import dev.ecsdeploy.core.ecr.BuilderFailedException;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared shape of Dockerfile builders driven through a command line (podman, buildah, the Docker CLI): one
 * build command with every option as a separate argument, then pushes or an archive export.
 */
abstract class CliImageBuilder implements ImageBuilder {
    static final int OUTPUT_LINES_ON_FAILURE = 20;

    protected final CommandRunner runner;
    protected final String program;

    CliImageBuilder(CommandRunner runner, String program) {
        this.runner = runner;
        this.program = program;
    }

    @Override
    public boolean isAvailable() {
        return runner.isAvailable(program)
                && runner.run(Command.of(List.of(program, "--version"))).succeeded();
    }

    @Override
    public void validate(BuildPushRequest request) {
        if (request.platforms().size() > 1) {
            throw new EcrImageException("cannot build for " + request.platforms() + " with " + name()
                    + ": multi-platform images need the Docker CLI with buildx");
        }
    }

    /** The program and sub-command that start a build, e.g. {@code podman build}. */
    protected abstract List<String> buildCommand(BuildContext context);

    protected List<String> buildArgv(BuildContext context, Path iidFile) {
        BuildPushRequest request = context.request();
        List<String> argv = new ArrayList<>(buildCommand(context));
        argv.addAll(List.of("--file", request.effectiveDockerfile().toString()));
        argv.addAll(List.of("--iidfile", iidFile.toString()));
        context.references().forEach(reference -> argv.addAll(List.of("--tag", reference)));
        request.buildArgs().forEach((key, value) -> argv.addAll(List.of("--build-arg", key + "=" + value)));
        context.labels().forEach((key, value) -> argv.addAll(List.of("--label", key + "=" + value)));
        argv.addAll(reproducibilityArgs(context));
        addIfPresent(argv, "--target", request.target());
        if (!request.platforms().isEmpty()) {
            argv.addAll(List.of("--platform", String.join(",", request.platforms())));
        }
        request.cacheFrom().forEach(source -> argv.addAll(List.of("--cache-from", source)));
        request.cacheTo().forEach(target -> argv.addAll(List.of("--cache-to", target)));
        if (request.noCache()) {
            argv.add("--no-cache");
        }
        if (request.pull()) {
            argv.add("--pull");
        }
        for (BuildSecret secret : request.secrets()) {
            argv.addAll(List.of("--secret", secret.flagValue()));
        }
        argv.addAll(request.extraArgs());
        argv.add(request.contextDirectory().toString());
        return argv;
    }

    /** The options that pin the image's creation time and file times to the source date; none by default. */
    protected List<String> reproducibilityArgs(BuildContext context) {
        return List.of();
    }

    protected static void addIfPresent(List<String> argv, String flag, String value) {
        if (value != null && !value.isBlank()) {
            argv.addAll(List.of(flag, value));
        }
    }

    /** Runs the build; the image id goes to an iid file in the work directory. */
    protected void build(BuildContext context) {
        Path iidFile = context.workDirectory().resolve("iid");
        run(context, buildArgv(context, iidFile), "build of " + context.firstReference() + " failed");
    }

    protected CommandResult run(BuildContext context, List<String> argv, String failure) {
        return run(context, argv, failure, Map.of());
    }

    protected CommandResult run(BuildContext context, List<String> argv, String failure, Map<String, String> env) {
        Map<String, String> environment = new java.util.HashMap<>(context.auth().environment());
        environment.putAll(env);
        Command command = Command.of(argv)
                .withEnvironment(environment)
                .withWorkDirectory(context.request().contextDirectory());
        CommandResult result = runner.run(command, context.output());
        if (!result.succeeded()) {
            throw new BuilderFailedException(
                    failure, name(), result.exitCode(), result.lastLines(OUTPUT_LINES_ON_FAILURE));
        }
        return result;
    }

    /** Reads a digest file and checks it looks like one. */
    protected String readDigest(Path file) {
        String digest = runner.readString(file).trim();
        if (!digest.startsWith("sha256:")) {
            throw new EcrImageException(
                    "push finished without a digest: " + name() + " wrote '" + digest + "' to " + file.getFileName());
        }
        return digest;
    }
}
