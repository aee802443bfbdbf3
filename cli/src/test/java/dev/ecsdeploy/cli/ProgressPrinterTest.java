package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");
    private static final Clock NOON_IN_UTC = Clock.fixed(NOON, ZoneId.of("UTC"));

    @Test
    void shouldRewriteOneLiveLineOnATerminal() {
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), true, NOON_IN_UTC);

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
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), false, NOON_IN_UTC);

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

    @Test
    void shouldStampLinesWithTheLocalWallClockInPrintOrderNotWithTheEventsClock() {
        MovingClock wallClock = new MovingClock(Instant.parse("2026-12-05T11:00:00Z"), ZoneId.of("Asia/Kolkata"));
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), false, wallClock);

        printer.onEvent(ProgressEvent.info(Instant.parse("2026-12-05T17:00:00Z"), "ecr.push", "pushed"));
        wallClock.advance(Duration.ofSeconds(2));
        printer.onEvent(ProgressEvent.info(Instant.parse("2026-12-05T16:54:00Z"), "ecr.scan", "scan complete"));

        assertThat(err.toString().lines()).containsExactly("16:30:00 pushed", "16:30:02 scan complete");
    }

    @Test
    void shouldEscapeControlCharactersAndBidiOverridesFromEventText() {
        StringWriter err = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(err), true, NOON_IN_UTC);

        printer.onEvent(ProgressEvent.info(NOON, "ecs.event", "evil \033]0;pwned\007 \r\u009b2J \u202egnp.exe"));

        assertThat(err.toString())
                .isEqualTo(
                        "12:00:00 evil \\u001b]0;pwned\\u0007 \\u000d\\u009b2J \\u202egnp.exe" + System.lineSeparator())
                .doesNotContain("\033", "\007", "\r", "\u009b", "\u202e");
    }

    /** A wall clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MovingClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovingClock(now, other);
        }
    }
}
