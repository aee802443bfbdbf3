package dev.ecsdeploy.cli;

import java.util.List;

/**
 * An error the CLI reports as "{what happened}: {why}", with a hint for the next step and the exit code to end
 * with.
 */
public final class CliFailure extends RuntimeException {
    private final int exitCode;
    private final String hint;
    private List<String> details = List.of();

    public CliFailure(int exitCode, String message, String hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public static CliFailure badInput(String message, String hint) {
        return new CliFailure(ExitCode.BAD_INPUT, message, hint);
    }

    public static CliFailure operationFailed(String message, String hint) {
        return new CliFailure(ExitCode.OPERATION_FAILED, message, hint);
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }

    /** The lines printed below the message: what lies behind it (service events, stopped tasks). */
    public List<String> details() {
        return details;
    }

    CliFailure withDetails(List<String> lines) {
        this.details = List.copyOf(lines);
        return this;
    }
}
