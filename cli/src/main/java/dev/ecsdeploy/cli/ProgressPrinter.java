package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Renders core's progress events on standard error. On a terminal, counters that change all the time (rollout
 * progress, task status) rewrite one live line; everything else, and all output that is not a terminal, is one
 * plain line per event, so logs and CI consoles stay readable. Debug events are not shown.
 */
final class ProgressPrinter implements ProgressListener {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Set<String> LIVE_KINDS = Set.of(EventKinds.DEPLOY_PROGRESS, EventKinds.TASK_STATUS);

    private final PrintWriter err;
    private final boolean live;
    private boolean liveLineShown;

    ProgressPrinter(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        if (event.severity() == ProgressEvent.Severity.DEBUG) {
            return;
        }
        String line = TIME.format(event.time()) + " " + text(event);
        if (live && LIVE_KINDS.contains(event.kind())) {
            err.print("\r\033[2K" + line);
            liveLineShown = true;
        } else {
            clearLiveLine();
            err.println(line);
        }
        err.flush();
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
            err.print("\r\033[2K");
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
