package dev.ecsdeploy.emulator.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds external tools (podman, buildah, docker, the AWS CLI) for tests that drive real clients. A missing tool skips the test
 * with a visible reason, unless {@code REQUIRE_CONTAINER_TOOLS=1} (set by CI), where it fails instead.
 */
public final class ContainerTools {
    private ContainerTools() {}

    /** Skips (or, when tools are required, fails) the calling test unless {@code tool --version} works. */
    public static void assumeAvailable(String tool) {
        if (isAvailable(tool)) {
            return;
        }
        String reason = tool + " is not installed (or `" + tool + " --version` failed): skipping this test";
        if ("1".equals(System.getenv("REQUIRE_CONTAINER_TOOLS"))) {
            fail(reason + ", but REQUIRE_CONTAINER_TOOLS=1 says container tools are required");
        }
        System.out.println("SKIPPED: " + reason);
        System.err.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    public static boolean isAvailable(String tool) {
        try {
            return run(null, null, List.of(tool, "--version")).exitCode() == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The outcome of one command: exit code and combined output. */
    public record Result(int exitCode, String output) {
        public Result requireSuccess(String what) {
            if (exitCode != 0) {
                fail(what + " failed with exit code " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    /**
     * Runs a command in {@code directory} (null: the current one), feeding {@code stdin} (null: nothing), and
     * waits at most two minutes. Secrets go through stdin, never the command line.
     */
    public static Result run(Path directory, String stdin, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish within two minutes");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
