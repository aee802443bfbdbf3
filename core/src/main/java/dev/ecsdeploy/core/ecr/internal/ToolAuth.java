package dev.ecsdeploy.core.ecr.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.core.ecr.BuilderFailedException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registry logins for command-line tools, private to one run: a directory created through the runner (mode 0700),
 * with {@code auth.json} for podman and buildah ({@code --authfile}, {@code REGISTRY_AUTH_FILE}) and {@code
 * config.json} for the Docker CLI ({@code DOCKER_CONFIG} is the directory itself). podman and buildah log in with the
 * password on standard input ({@code --password-stdin}). The Docker CLI does not run {@code docker login}: its
 * credentials are written straight into {@code config.json} (mode 0600) through the runner, the same entry {@code
 * docker login} would store there, and {@code docker push} sends them to the daemon in its X-Registry-Auth header.
 * That skips the daemon's {@code /auth} check, which podman's Docker-compatible service cannot do against a
 * plain-HTTP registry, and it works the same with Docker Engine. The password is never an argument, an environment
 * value or a log line, and the user's own {@code ~/.docker/config.json} is never touched. {@link #close()} deletes
 * the directory, also after a failure.
 */
final class ToolAuth implements AutoCloseable {
    private final CommandRunner runner;
    private final Map<String, String> toolEnvironment;
    private final Set<String> loggedIn = new HashSet<>();
    private final Map<String, String> dockerAuths = new LinkedHashMap<>();
    private Path directory;

    ToolAuth(CommandRunner runner, Map<String, String> toolEnvironment) {
        this.runner = runner;
        this.toolEnvironment = toolEnvironment;
    }

    /** The auth file podman and buildah read and write. */
    synchronized Path authFile() {
        return directory().resolve("auth.json");
    }

    /** The Docker CLI's configuration directory for this run ({@code DOCKER_CONFIG}). */
    synchronized Path dockerConfig() {
        return directory();
    }

    /** The Docker CLI's credentials file for this run. */
    synchronized Path dockerConfigFile() {
        return dockerConfig().resolve("config.json");
    }

    /** Environment for a tool's commands: the caller's tool environment plus this run's auth locations. */
    Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>(toolEnvironment);
        env.put("REGISTRY_AUTH_FILE", authFile().toString());
        env.put("DOCKER_CONFIG", dockerConfig().toString());
        return env;
    }

    /**
     * Gives the Docker CLI the credential for {@code registry}: every registry of this run goes into the private
     * {@code config.json} as {@code docker login} would write it ({@code auth} is base64 of {@code user:password}).
     */
    synchronized void authorizeDocker(String registry, RegistryCredential credential) {
        if (dockerAuths.containsKey(registry)) {
            return;
        }
        dockerAuths.put(registry, credential.encodedUserAndPassword());
        ObjectNode auths = JsonNodeFactory.instance.objectNode();
        dockerAuths.forEach((host, auth) -> auths.putObject(host).put("auth", auth));
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.set("auths", auths);
        runner.writePrivateFile(dockerConfigFile(), config.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Logs podman or buildah in to {@code registry} once per run, feeding the password on standard input. */
    synchronized void login(String program, String registry, RegistryCredential credential) {
        if (!loggedIn.add(program + " " + registry)) {
            return;
        }
        List<String> argv = new ArrayList<>(
                List.of(program, "login", "--authfile", authFile().toString()));
        if (credential.plainHttp()) {
            argv.add("--tls-verify=false");
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
            dockerAuths.clear();
        }
    }
}
