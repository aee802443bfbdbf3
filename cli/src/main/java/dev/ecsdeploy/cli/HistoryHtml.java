package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.history.History;
import dev.ecsdeploy.core.report.HistoryReport;
import dev.ecsdeploy.core.report.ReportOptions;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes the self-contained HTML report page (core's renderer, styles, script and JSON inline) for a history. */
final class HistoryHtml {
    private HistoryHtml() {}

    static void write(History history, Path file) {
        try {
            HistoryReport.create(ReportOptions.defaults()).writeStandalone(history, file);
        } catch (UncheckedIOException e) {
            throw new CliFailure(
                    ExitCode.AWS_OR_TOOL_ERROR,
                    e.getMessage(),
                    "check that the directory of --output exists or can be created and is writable");
        }
    }
}
