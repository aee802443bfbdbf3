package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Renders core's progress events on standard error. On a terminal, counters that change all the time (rollout
 * progress, task status) rewrite one live line; everything else, and all output that is not a terminal, is one
 * plain line per event, so logs and CI consoles stay readable. Debug events are not shown. Lines carry the local
 * wall-clock time they were printed at, and every character from data is escaped ({@link TerminalWriter}).
 */
final class ProgressPrinter implements ProgressListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Back to the start of the line and erase it: the live line is redrawn in place. */
    private static final String CLEAR_LINE = "\r\033[2K";

    private static final Set<String> LIVE_KINDS = Set.of(EventKinds.DEPLOY_PROGRESS, EventKinds.TASK_STATUS);

    private final TerminalWriter err;
    private final boolean live;
    private final Clock wallClock;
    private boolean liveLineShown;

    ProgressPrinter(PrintWriter err, boolean live) {
        this(err, live, Clock.systemDefaultZone());
    }

    /**
     * A printer that stamps each line with {@code wallClock}'s time in its zone when the line is printed: the user's
     * time, in print order, whatever clock the engines poll by (an emulator's runs fast or stands still).
     */
    ProgressPrinter(PrintWriter err, boolean live, Clock wallClock) {
        this.err = TerminalWriter.of(err);
        this.live = live;
        this.wallClock = wallClock;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event.severity() == ProgressEvent.Severity.DEBUG || isFailedVerdict(event)) {
            return;
        }
        String line = TIME.format(ZonedDateTime.now(wallClock)) + " " + text(event);
        if (live && LIVE_KINDS.contains(event.kind())) {
            err.control(CLEAR_LINE);
            err.print(line);
            liveLineShown = true;
        } else {
            clearLiveLine();
            err.println(line);
        }
        err.flush();
    }

    /** A failed deployment's verdict is printed once, by the failure at the end, with its details below it. */
    private static boolean isFailedVerdict(ProgressEvent event) {
        return event.kind().equals(EventKinds.DEPLOY_VERDICT) && event.severity() == ProgressEvent.Severity.ERROR;
    }

    /** Prints a message of the CLI itself (a demo step, a hint) as a plain line. */
    synchronized void say(String message) {
        clearLiveLine();
        err.println(message);
        err.flush();
    }

    /** Ends the live line so that what follows starts on a fresh line. */
    synchronized void finish() {
        clearLiveLine();
        err.flush();
    }

    private void clearLiveLine() {
        if (liveLineShown) {
            err.control(CLEAR_LINE);
            liveLineShown = false;
        }
    }

    private static String text(ProgressEvent event) {
        if (EventKinds.isLogLine(event)) {
            return "  | " + event.message();
        }
        return switch (event.severity()) {
            case WARNING -> "warning: " + event.message();
            case ERROR -> "error: " + event.message();
            default -> event.message();
        };
    }
}
