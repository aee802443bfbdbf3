package dev.ecsdeploy.cli;

/** The documented exit codes of {@code ecsdeploy}. */
public final class ExitCode {
    /** The operation succeeded. */
    public static final int SUCCESS = 0;
    /** The operation ran and failed: a deployment failed or rolled back, a task exited non-zero, a scan gate broke. */
    public static final int OPERATION_FAILED = 1;
    /** The input was wrong: an unknown option, a missing file, an invalid name; nothing was changed. */
    public static final int BAD_INPUT = 2;
    /** AWS or a tool failed: access denied, throttled past the deadline, a builder crashed. */
    public static final int AWS_OR_TOOL_ERROR = 3;

    private ExitCode() {}
}
