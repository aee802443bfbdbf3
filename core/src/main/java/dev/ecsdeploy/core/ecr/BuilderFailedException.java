package dev.ecsdeploy.core.ecr;

import java.util.List;

/** An image builder exited with a non-zero code; carries the exit code and the last lines of its output. */
public final class BuilderFailedException extends EcrImageException {
    private static final long serialVersionUID = 1L;
    private final String builder;
    private final int exitCode;
    private final List<String> lastLines;

    public BuilderFailedException(String what, String builder, int exitCode, List<String> lastLines) {
        super(what + ": " + builder + " exited with code " + exitCode + "; last output:\n  "
                + String.join("\n  ", lastLines));
        this.builder = builder;
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
    }

    public String builder() {
        return builder;
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
