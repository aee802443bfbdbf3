package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void shouldRewriteOneLiveLineOnATerminal() {
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), true);

        printer.onEvent(ProgressEvent.info(NOON, "deploy.progress", "1/2 running"));
        printer.onEvent(ProgressEvent.info(NOON, "deploy.progress", "2/2 running"));
        printer.onEvent(ProgressEvent.info(NOON, "ecs.event", "steady state"));
        printer.finish();

        assertThat(err.toString())
                .isEqualTo("\r\033[2K12:00:00 1/2 running\r\033[2K12:00:00 2/2 running\r\033[2K12:00:00 steady state"
                        + System.lineSeparator());
    }

    @Test
    void shouldPrintPlainLinesOtherwiseAndDropDebug() {
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), false);

        printer.onEvent(ProgressEvent.info(NOON, "deploy.progress", "1/2 running"));
        printer.onEvent(new ProgressEvent(NOON, ProgressEvent.Severity.DEBUG, "deploy.retry", "retrying", Map.of()));
        printer.onEvent(ProgressEvent.warning(NOON, "deploy.warning", "unpinned image"));
        printer.onEvent(
                ProgressEvent.info(NOON, EventKinds.TASK_LOG, "migrating").withAttribute("stream", "ecs/app/1"));
        printer.onEvent(ProgressEvent.warning(NOON, EventKinds.TASK_LOG, "log stream ecs/app/1 may be incomplete"));

        assertThat(err.toString().lines())
                .containsExactly(
                        "12:00:00 1/2 running",
                        "12:00:00 warning: unpinned image",
                        "12:00:00   | migrating",
                        "12:00:00 warning: log stream ecs/app/1 may be incomplete");
    }
}
