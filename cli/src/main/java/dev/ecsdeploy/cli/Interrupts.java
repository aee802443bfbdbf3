package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.operation.Sleeper;
import java.io.PrintWriter;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import sun.misc.Signal;

/**
 * Ctrl-C, SIGTERM and a killed CI job: the first signal asks the running operation to apply its abort action (roll
 * back, stop the task) and see it through; a second signal, or {@link #GRACE} without an outcome, leaves at once
 * with a message that says what is still running and how to roll it back.
 *
 * <p>Only the CLI's waits are interrupted, never an AWS call in flight: a call cut in half would turn an abort into
 * an unknown state. So the signal handler interrupts the main thread only while it sleeps between rounds.
 */
final class Interrupts {
    /** How long the abort action may take before the CLI leaves anyway. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private static String signal;
    private static Thread sleeping;
    private static volatile String stillRunning;
    private static volatile String undoCommand;

    private Interrupts() {}

    /** Installs the handlers for SIGINT and SIGTERM; {@code err} receives the messages. */
    static void install(PrintWriter err) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), received -> onSignal(received, err));
            } catch (IllegalArgumentException unavailable) {
                // this platform or the JVM (-Xrs) keeps the signal: the JVM's default handling applies
            }
        }
    }

    private static void onSignal(Signal received, PrintWriter err) {
        String name = "SIG" + received.getName();
        int exitCode = 128 + received.getNumber();
        boolean first;
        synchronized (Interrupts.class) {
            first = signal == null;
            if (first) {
                signal = name;
                if (sleeping != null) {
                    sleeping.interrupt();
                }
            }
        }
        if (!first) {
            leaveNow(err, exitCode, "second interrupt");
            return;
        }
        err.println(name + " received: " + abortMessage() + " (interrupt again to leave at once)");
        err.flush();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(GRACE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    leaveNow(err, exitCode, "the abort took longer than " + GRACE.toMinutes() + " minutes");
                },
                "ecsdeploy-abort-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static String abortMessage() {
        return stillRunning == null ? "stopping" : "aborting " + stillRunning;
    }

    private static void leaveNow(PrintWriter err, int exitCode, String why) {
        err.println("leaving at once (" + why + ")"
                + (stillRunning == null ? "" : ": still running: " + stillRunning)
                + (undoCommand == null ? "" : "; to roll it back, run: " + undoCommand));
        err.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    /** The signal received, e.g. "SIGINT", if any. */
    static synchronized Optional<String> received() {
        return Optional.ofNullable(signal);
    }

    /** The exit code for a run that a signal aborted: 128 plus the signal's number. */
    static Optional<Integer> exitCode() {
        return received().map(name -> 128 + new Signal(name.substring(3)).getNumber());
    }

    /** Names what the current operation leaves running when the CLI leaves at once, and the command that undoes it. */
    static void running(String what, String undo) {
        stillRunning = what;
        undoCommand = undo;
    }

    /** Forgets what {@link #running} named: the operation has an outcome. */
    static void finished() {
        stillRunning = null;
        undoCommand = null;
    }

    /** A sleeper that a signal wakes with {@link InterruptedException}, and that refuses to sleep after one. */
    static Sleeper sleeper(TimeSource time) {
        return duration -> {
            synchronized (Interrupts.class) {
                if (signal != null) {
                    throw new InterruptedException(signal);
                }
                sleeping = Thread.currentThread();
            }
            try {
                time.sleep(duration);
            } finally {
                synchronized (Interrupts.class) {
                    sleeping = null;
                    if (signal != null) {
                        Thread.interrupted(); // the signal is kept in 'signal'; the next sleep reports it
                    }
                }
            }
        };
    }

    /**
     * {@link LongOperation#await}, with the abort recorded as made by the signal received ("SIGINT"), not by the
     * waiting thread.
     */
    static <H extends Serializable, O extends OperationOutcome> O await(
            LongOperation<?, H, O> operation,
            H handle,
            ProgressListener listener,
            DecisionPolicy decisions,
            TimeSource time) {
        Sleeper sleeper = sleeper(time);
        OperationPoll<H, O> round = operation.poll(handle);
        boolean aborted = false;
        while (true) {
            round.events().forEach(listener::onEvent);
            if (round.isDone()) {
                return round.outcome().orElseThrow();
            }
            Decision decision =
                    aborted ? null : round.awaiting().map(decisions::decide).orElse(null);
            if (aborted) {
                Sleeper.uninterruptibly(time::sleep, round.nextPollIn()); // no handler interrupts this sleep
            } else if (decision == null) {
                try {
                    sleeper.sleep(round.nextPollIn());
                } catch (InterruptedException e) {
                    aborted = true;
                    round = operation.abort(round.handle(), received().orElse("interruption of the CLI"));
                    continue;
                }
            }
            round = operation.poll(round.handle(), decision);
        }
    }
}
