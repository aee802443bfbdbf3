package dev.ecsdeploy.core.ecr;

import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs commands locally and remembers every command and private directory, so tests can check what leaked. */
final class RecordingCommandRunner implements CommandRunner {
    private final LocalCommandRunner local = new LocalCommandRunner();
    private final List<Command> commands = new ArrayList<>();
    private final List<String> output = new ArrayList<>();
    private final List<Path> privateDirectories = new ArrayList<>();
    private final List<Path> privateFiles = new ArrayList<>();
    private volatile java.util.function.UnaryOperator<Command> instrumentation =
            java.util.function.UnaryOperator.identity();

    /** Rewrites commands before they run (test instrumentation only, such as a debug log level). */
    void instrument(java.util.function.UnaryOperator<Command> rewrite) {
        this.instrumentation = rewrite;
    }

    @Override
    public synchronized CommandResult run(Command original, Consumer<String> lineConsumer) {
        Command command = instrumentation.apply(original);
        commands.add(command);
        CommandResult result = local.run(command, lineConsumer);
        output.addAll(result.outputLines());
        return result;
    }

    @Override
    public boolean isAvailable(String program) {
        return local.isAvailable(program);
    }

    @Override
    public synchronized Path createPrivateDirectory(String prefix) {
        Path directory = local.createPrivateDirectory(prefix);
        privateDirectories.add(directory);
        return directory;
    }

    @Override
    public synchronized void writePrivateFile(Path file, byte[] content) {
        local.writePrivateFile(file, content);
        privateFiles.add(file);
    }

    @Override
    public void deleteRecursively(Path path) {
        local.deleteRecursively(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        return local.isDirectory(path);
    }

    @Override
    public boolean isRegularFile(Path path) {
        return local.isRegularFile(path);
    }

    @Override
    public String readString(Path path) {
        return local.readString(path);
    }

    @Override
    public InputStream open(Path path) {
        return local.open(path);
    }

    synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Every argument of every command, plus environment values, as one text to search for secrets. */
    synchronized String everyArgumentAndEnvironmentValue() {
        StringBuilder text = new StringBuilder();
        for (Command command : commands) {
            text.append(String.join(" ", command.argv())).append('\n');
            command.environment().values().forEach(value -> text.append(value).append('\n'));
        }
        return text.toString();
    }

    synchronized String allOutput() {
        return String.join("\n", output);
    }

    /** Every file written through {@link #writePrivateFile}, such as the Docker CLI's credentials file. */
    synchronized List<Path> privateFiles() {
        return List.copyOf(privateFiles);
    }

    synchronized List<Path> privateDirectories() {
        return List.copyOf(privateDirectories);
    }
}
