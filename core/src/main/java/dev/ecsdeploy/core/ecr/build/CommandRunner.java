package dev.ecsdeploy.core.ecr.build;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs external commands and touches files on the machine where the image is built. The CLI runs local processes
 * ({@link LocalCommandRunner}); the Jenkins plugin runs them on a build agent. Core never starts a process or reads a
 * build input itself, so it does not assume it runs on the build machine.
 */
public interface CommandRunner {
    /**
     * Runs a command to completion and returns its exit code and output. Each output line is also handed to {@code
     * lineConsumer} as it arrives, so long builds show progress.
     */
    CommandResult run(Command command, Consumer<String> lineConsumer);

    /** Runs a command to completion without watching its output. */
    default CommandResult run(Command command) {
        return run(command, line -> {});
    }

    /** Returns whether {@code program} can be started (found on the PATH or at the given path). */
    boolean isAvailable(String program);

    /** Creates a fresh directory that only the current user can read (mode 0700 where the file system allows). */
    Path createPrivateDirectory(String prefix);

    /**
     * Writes a small file that only the current user can read (mode 0600 where the file system allows), replacing
     * it if present; the parent directory must exist. Used for this run's registry credentials, so an implementation
     * must never log {@code content}.
     */
    void writePrivateFile(Path file, byte[] content);

    /** Deletes a file or a directory tree; a path that does not exist is not an error. */
    void deleteRecursively(Path path);

    boolean isDirectory(Path path);

    boolean isRegularFile(Path path);

    /** Reads a small text file, such as a digest file a builder wrote. */
    String readString(Path path);

    /** Opens a file for reading, such as an image archive a builder exported; the caller closes it. */
    java.io.InputStream open(Path path);
}
