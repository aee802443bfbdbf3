package dev.ecsdeploy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code java -jar ecsdeploy.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given streams and returns its exit code; tests call this directly. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EcsDeployCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExitCodeExceptionMapper(Main::exitCodeOf);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> report(exception, err));
        commandLine.setParameterExceptionHandler((exception, ignored) -> {
            err.println("invalid command line: " + exception.getMessage());
            err.println(
                    "hint: run '" + exception.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help'");
            return ExitCode.BAD_INPUT;
        });
        return commandLine.execute(args);
    }

    private static int report(Exception exception, PrintWriter err) {
        if (exception instanceof CliFailure failure) {
            err.println(failure.getMessage());
            if (failure.hint() != null) {
                err.println("hint: " + failure.hint());
            }
            return failure.exitCode();
        }
        err.println("ecsdeploy failed: " + exception);
        return ExitCode.AWS_OR_TOOL_ERROR;
    }

    private static int exitCodeOf(Throwable exception) {
        return exception instanceof CliFailure failure ? failure.exitCode() : ExitCode.AWS_OR_TOOL_ERROR;
    }
}
