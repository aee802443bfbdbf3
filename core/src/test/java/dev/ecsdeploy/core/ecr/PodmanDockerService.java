package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * podman's Docker-compatible API service, for tests that drive the Docker CLI. It gets two settings this machine
 * needs: a registries.conf marking the emulator's registry as insecure (plain HTTP), and an OCI runtime wrapper that
 * runs crun without the cgroup v2 hierarchy (crun refuses this machine's hybrid cgroup layout), so RUN steps work.
 */
final class PodmanDockerService implements AutoCloseable {
    private final Process process;
    private final Path socket;
    private final Path log;

    private PodmanDockerService(Process process, Path socket, Path log) {
        this.process = process;
        this.socket = socket;
        this.log = log;
    }

    /** Starts the service with its files in {@code directory} and waits until {@code docker version} answers. */
    static PodmanDockerService start(Path directory, String registryHost) throws IOException, InterruptedException {
        Path runtime = directory.resolve("crun-without-cgroups");
        Files.writeString(runtime, """
                #!/bin/sh
                exec unshare -m --propagation private sh -c \
                'umount -l /sys/fs/cgroup/unified 2>/dev/null; exec /usr/bin/crun --cgroup-manager=disabled "$@"' crun "$@"
                """);
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path registries = directory.resolve("registries.conf");
        Files.writeString(registries, "[[registry]]\nlocation = \"" + registryHost + "\"\ninsecure = true\n");
        Path socket = directory.resolve("podman.sock");
        Path log = directory.resolve("service.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "podman", "--runtime", runtime.toString(), "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CONTAINERS_REGISTRIES_CONF", registries.toString());
        PodmanDockerService service = new PodmanDockerService(builder.start(), socket, log);
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(100);
        }
        boolean answers = new LocalCommandRunner()
                .run(Command.of(List.of("docker", "version")).withEnvironment(service.dockerHost()))
                .succeeded();
        assertThat(answers)
                .as("podman's Docker API service answers on " + socket)
                .isTrue();
        return service;
    }

    /** The environment that points the Docker CLI at this service. */
    Map<String, String> dockerHost() {
        return Map.of("DOCKER_HOST", "unix://" + socket);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
