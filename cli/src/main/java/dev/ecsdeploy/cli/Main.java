package dev.ecsdeploy.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code java -jar ecsdeploy.jar}. */
public final class Main {
    /** Standard error of the real process; progress draws a live line only here and only on a terminal. */
    static final PrintWriter STANDARD_ERROR =
            TerminalWriter.of(new PrintWriter(System.err, true, StandardCharsets.UTF_8));

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = TerminalWriter.of(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        Interrupts.install(STANDARD_ERROR);
        int code = run(args, out, STANDARD_ERROR);
        code = Interrupts.exitCode().orElse(code); // aborted by a signal: 130 or 143, once the abort is seen through
        out.flush();
        STANDARD_ERROR.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams and returns its exit code; tests call this directly. */
    public static int run(String[] args, PrintWriter givenOut, PrintWriter givenErr) {
        PrintWriter out = TerminalWriter.of(givenOut);
        PrintWriter err = TerminalWriter.of(givenErr);
        CommandLine commandLine = new CommandLine(new EcsDeployCommand());
        // Everything printed is escaped (TerminalWriter), picocli's help colours too; plain help reads the same.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(java.time.Duration.class, DurationConverter::parse);
        commandLine.setExitCodeExceptionMapper(
                exception -> Failures.translate(exception).exitCode());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> report(exception, err));
        commandLine.setParameterExceptionHandler((exception, ignored) -> {
            err.println("invalid command line: " + exception.getMessage());
            err.println(
                    "hint: run '" + exception.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help'");
            return ExitCode.BAD_INPUT;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception exception, PrintWriter err) {
        CliFailure failure = Failures.translate(exception);
        err.println(failure.getMessage());
        failure.details().forEach(detail -> err.println("  " + detail));
        if (failure.hint() != null) {
            err.println("hint: " + failure.hint());
        }
        err.flush();
        return failure.exitCode();
    }
}
