package dev.ecsdeploy.core.ecr.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external command: its argument vector (never a shell string), extra environment variables, bytes for its
 * standard input and its working directory. Standard input is how secrets such as a registry password reach a tool,
 * so {@link #toString()} never shows it, and environment values are shown only by name.
 *
 * @param argv the program and its arguments
 * @param environment variables added to the runner's environment
 * @param stdin bytes written to the command's standard input, empty for none
 * @param workDirectory where the command runs, or {@code null} for the runner's default
 * @param timeout how long the command may run before the runner stops it, or {@code null} for no limit
 */
public record Command(
        List<String> argv, Map<String, String> environment, byte[] stdin, Path workDirectory, Duration timeout) {
    /** A command without a time limit. */
    public Command(List<String> argv, Map<String, String> environment, byte[] stdin, Path workDirectory) {
        this(argv, environment, stdin, workDirectory, null);
    }

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least a program name");
        }
        environment = Map.copyOf(Objects.requireNonNullElse(environment, Map.of()));
        stdin = stdin == null ? new byte[0] : stdin.clone();
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, null);
    }

    public Command withEnvironment(Map<String, String> variables) {
        return new Command(argv, variables, stdin, workDirectory, timeout);
    }

    public Command withStdin(byte[] bytes) {
        return new Command(argv, environment, bytes, workDirectory, timeout);
    }

    public Command withWorkDirectory(Path directory) {
        return new Command(argv, environment, stdin, directory, timeout);
    }

    /**
     * This command with a time limit: a probe such as {@code docker version} must not hang the build when the
     * daemon it asks never answers.
     */
    public Command withTimeout(Duration limit) {
        return new Command(argv, environment, stdin, workDirectory, limit);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    /** The program name, e.g. {@code podman}. */
    public String program() {
        return argv.get(0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Command that
                && argv.equals(that.argv)
                && environment.equals(that.environment)
                && Arrays.equals(stdin, that.stdin)
                && Objects.equals(workDirectory, that.workDirectory)
                && Objects.equals(timeout, that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(argv, environment, Arrays.hashCode(stdin), workDirectory, timeout);
    }

    @Override
    public String toString() {
        return "Command[argv=" + argv + ", environment=" + environment.keySet() + ", stdin=" + stdin.length
                + " bytes, workDirectory=" + workDirectory + ", timeout=" + timeout + "]";
    }
}
