package dev.ecsdeploy.core.ecr.build;

import java.util.List;

/**
 * How an external command ended: its exit code and its output lines (standard output and standard error
 * interleaved, as the tool wrote them).
 */
public record CommandResult(int exitCode, List<String> outputLines) {
    public CommandResult {
        outputLines = List.copyOf(outputLines);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The last {@code count} output lines, the part of a failing build's log worth showing. */
    public List<String> lastLines(int count) {
        return outputLines.subList(Math.max(0, outputLines.size() - count), outputLines.size());
    }
}
