package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command on a newcomer's machine whose only container tool is a Docker CLI without a daemon: no
 * podman, no buildah, and {@code docker} answers every daemon call with "Cannot connect to the Docker daemon". The
 * demo runs in a JVM of its own whose PATH holds nothing but that {@code docker}, so every process the CLI starts
 * sees exactly this machine; the test's own machine is not touched. AUTO must pass the Docker CLI over (saying why)
 * and build with Jib.
 */
class NewcomerDemoTest {
    private static final Path REAL_DOCKER = Path.of("/usr/local/bin/docker");
    private static final Path EXAMPLE =
            Path.of("..", "examples", "hello").toAbsolutePath().normalize();

    @TempDir
    Path machine;

    @Test
    void shouldRunTheDemoWithJibWhenTheOnlyToolIsADockerCliWithoutADaemon() throws Exception {
        Path bin = Files.createDirectories(machine.resolve("bin"));
        installDaemonlessDocker(bin);
        Path out = machine.resolve("stdout.txt");
        Path err = machine.resolve("stderr.txt");
        ProcessBuilder demo = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "demo",
                        "--example",
                        EXAMPLE.toString(),
                        "--output",
                        machine.resolve("demo").toString()))
                .directory(machine.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = demo.environment();
        environment.clear();
        environment.putAll(Map.of(
                "PATH",
                bin.toString(),
                "HOME",
                machine.toString(),
                "DOCKER_HOST",
                "unix://" + machine.resolve("no-daemon.sock"),
                "LANG",
                "C.UTF-8"));

        Process process = demo.start();
        boolean ended = process.waitFor(Duration.ofMinutes(4).toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        String both = "--- stdout\n" + stdout + "--- stderr\n" + stderr;
        Files.writeString(Path.of("target", "newcomer-demo-output.txt"), both, StandardCharsets.UTF_8);

        assertThat(ended).as("the demo ended within 4 minutes\n" + both).isTrue();
        assertThat(process.exitValue()).as(both).isZero();
        assertThat(stderr)
                .as("the builder choice explains itself")
                .contains("docker: on PATH but its daemon did not answer: ")
                .contains("podman: not on PATH")
                .contains("buildah: not on PATH")
                .contains("using jib: no container tool answered, and the Dockerfile uses only FROM, COPY, LABEL,"
                        + " ENV, WORKDIR, ENTRYPOINT and CMD");
        assertThat(stderr).contains("built with jib").doesNotContain("built with podman", "built with docker");
        assertThat(stdout).contains("OK                   build, push and scan hello:1.0.0");
        assertThat(machine.resolve("demo").resolve("report.html")).exists();
    }

    /**
     * Puts a {@code docker} on the PATH: the real Docker CLI where it is installed (with DOCKER_HOST at a socket
     * nobody listens on, it fails like a CLI without a daemon), else a script that answers as such a CLI does.
     */
    private static void installDaemonlessDocker(Path bin) throws IOException {
        Path docker = bin.resolve("docker");
        if (Files.isExecutable(REAL_DOCKER)) {
            Files.createSymbolicLink(docker, REAL_DOCKER);
            return;
        }
        Files.writeString(docker, """
                #!/bin/sh
                case "$1" in
                  --version) echo "Docker version 27.3.1, build ce12230"; exit 0 ;;
                  *) echo "Cannot connect to the Docker daemon at $DOCKER_HOST. Is the docker daemon running?" >&2
                     exit 1 ;;
                esac
                """);
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
