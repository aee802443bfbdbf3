package dev.ecsdeploy.core.ecr.build;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs commands as local processes and works on the local file system; what the CLI and the tests use. */
public final class LocalCommandRunner implements CommandRunner {
    /** The exit code reported for a command stopped at its timeout, as coreutils' {@code timeout} reports it. */
    public static final int TIMED_OUT_EXIT_CODE = 124;

    private final Path temporaryRoot;

    public LocalCommandRunner() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** A runner whose private directories are created under {@code temporaryRoot}. */
    public LocalCommandRunner(Path temporaryRoot) {
        this.temporaryRoot = temporaryRoot;
    }

    @Override
    public CommandResult run(Command command, Consumer<String> lineConsumer) {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
        builder.environment().putAll(command.environment());
        if (command.workDirectory() != null) {
            builder.directory(command.workDirectory().toFile());
        }
        try {
            Process process = builder.start();
            writeStdin(process, command.stdin());
            if (command.timeout() != null) {
                return runWithin(process, command, lineConsumer);
            }
            List<String> lines = readLines(process, lineConsumer);
            return new CommandResult(process.waitFor(), lines);
        } catch (IOException e) {
            return new CommandResult(127, List.of(command.program() + ": could not start: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.program() + " was interrupted: the build was cancelled", e);
        }
    }

    /**
     * Reads the output on a thread of its own so that a command that never ends (a Docker CLI waiting for a daemon
     * behind a dead network route) can be stopped when its time is up.
     */
    private static CommandResult runWithin(Process process, Command command, Consumer<String> lineConsumer)
            throws InterruptedException {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(
                () -> {
                    try {
                        readLines(process, line -> {
                            lines.add(line);
                            lineConsumer.accept(line);
                        });
                    } catch (IOException e) {
                        lines.add(command.program() + ": output unreadable: " + e.getMessage());
                    }
                },
                "ecs-deploy-output-" + command.program());
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(command.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            reader.join(1000);
            List<String> output = new ArrayList<>(List.copyOf(lines));
            output.add(command.program() + ": no answer within " + describe(command.timeout()) + "; stopped");
            return new CommandResult(TIMED_OUT_EXIT_CODE, output);
        }
        reader.join();
        return new CommandResult(process.exitValue(), List.copyOf(lines));
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }

    private static void writeStdin(Process process, byte[] stdin) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
    }

    private static List<String> readLines(Process process, Consumer<String> lineConsumer) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
                lineConsumer.accept(line);
            }
        }
        return lines;
    }

    @Override
    public boolean isAvailable(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Path createPrivateDirectory(String prefix) {
        try {
            Files.createDirectories(temporaryRoot);
            if (temporaryRoot.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempDirectory(
                        temporaryRoot,
                        prefix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            return Files.createTempDirectory(temporaryRoot, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a private directory: " + e.getMessage(), e);
        }
    }

    @Override
    public void writePrivateFile(Path file, byte[] content) {
        try {
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the private file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void deleteRecursively(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // Someone else removed it first; the goal is reached.
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public java.io.InputStream open(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + path + ": " + e.getMessage(), e);
        }
    }
}
