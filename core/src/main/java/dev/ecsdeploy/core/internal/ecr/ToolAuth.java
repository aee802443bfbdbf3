package dev.ecsdeploy.core.internal.ecr;

import dev.ecsdeploy.core.ecr.BuilderFailedException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registry logins for command-line tools, private to one run: a directory created through the runner (mode 0700),
 * with {@code auth.json} for podman and buildah ({@code --authfile}, {@code REGISTRY_AUTH_FILE}) and {@code
 * docker/config.json} for the Docker CLI ({@code DOCKER_CONFIG}). The password reaches the tool only through standard
 * input ({@code --password-stdin}); the user's own {@code ~/.docker/config.json} is never touched. {@link #close()}
 * deletes the directory, also after a failure.
 */
final class ToolAuth implements AutoCloseable {
    private final CommandRunner runner;
    private final Map<String, String> toolEnvironment;
    private final Set<String> loggedIn = new HashSet<>();
    private Path directory;

    ToolAuth(CommandRunner runner, Map<String, String> toolEnvironment) {
        this.runner = runner;
        this.toolEnvironment = toolEnvironment;
    }

    /** The auth file podman and buildah read and write. */
    synchronized Path authFile() {
        return directory().resolve("auth.json");
    }

    /** The Docker CLI's configuration directory for this run. */
    synchronized Path dockerConfig() {
        return directory().resolve("docker");
    }

    /** Environment for a tool's commands: the caller's tool environment plus this run's auth locations. */
    Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>(toolEnvironment);
        env.put("REGISTRY_AUTH_FILE", authFile().toString());
        env.put("DOCKER_CONFIG", dockerConfig().toString());
        return env;
    }

    /** Logs {@code program} in to {@code registry} once per run, feeding the password on standard input. */
    synchronized void login(String program, String registry, RegistryCredential credential, boolean docker) {
        if (!loggedIn.add(program + " " + registry)) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of(program, "login"));
        if (!docker) {
            argv.addAll(List.of("--authfile", authFile().toString()));
            if (credential.plainHttp()) {
                argv.add("--tls-verify=false");
            }
        }
        argv.addAll(List.of("--username", credential.username(), "--password-stdin", registry));
        Command command = Command.of(argv)
                .withEnvironment(environment())
                .withStdin(credential.password().getBytes(StandardCharsets.UTF_8));
        CommandResult result = runner.run(command);
        if (!result.succeeded()) {
            loggedIn.remove(program + " " + registry);
            throw new BuilderFailedException(
                    "could not log " + program + " in to " + registry,
                    program,
                    result.exitCode(),
                    result.lastLines(10));
        }
    }

    private Path directory() {
        if (directory == null) {
            directory = runner.createPrivateDirectory("ecs-deploy-auth-");
        }
        return directory;
    }

    @Override
    public synchronized void close() {
        if (directory != null) {
            runner.deleteRecursively(directory);
            directory = null;
            loggedIn.clear();
        }
    }
}
