package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.history.History;
import java.nio.file.Path;

/** Writes the self-contained HTML report page for a history. */
final class HistoryHtml {
    private HistoryHtml() {}

    static void write(History history, Path file) {
        throw new CliFailure(
                ExitCode.AWS_OR_TOOL_ERROR,
                "HTML report not written: this build has no report renderer yet",
                "use --format table or --format json");
    }
}
