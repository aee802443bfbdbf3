package dev.ecsdeploy.cli;

/**
 * An error the CLI reports as "{what happened}: {why}", with a hint for the next step and the exit code to end
 * with.
 */
public final class CliFailure extends RuntimeException {
    private final int exitCode;
    private final String hint;

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
}
