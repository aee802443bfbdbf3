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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private static volatile Supplier<String> undoCommand;
    private static volatile Thread localWorker;
    private static final List<Runnable> onLeave = new CopyOnWriteArrayList<>();

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
        if (first && localWorker != null) {
            stopLocalWork(localWorker);
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
        if (localWorker != null) {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }
        onLeave.forEach(Interrupts::runQuietly);
        String undo = undoCommand == null ? null : undoCommand.get();
        err.println("leaving at once (" + why + ")"
                + (stillRunning == null ? "" : ": still running: " + stillRunning)
                + (undo == null ? "" : "; " + undo));
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

    /**
     * Names what the current operation leaves running when the CLI leaves at once, and how to undo it, e.g. "to roll
     * it back, run: ecsdeploy rollback ...".
     */
    static void running(String what, String undo) {
        running(what, undo == null ? null : () -> undo);
    }

    /** {@link #running(String, String)}, with the undo worked out when it is needed (from the latest handle). */
    static void running(String what, Supplier<String> undo) {
        stillRunning = what;
        undoCommand = undo;
    }

    /**
     * Names work done on this machine by the current thread (a build, a push): a signal terminates this process's
     * child processes (the builder and whatever it started) and interrupts the thread, whose cleanup then runs as on
     * any failure. There is nothing to roll back: a tag moves only once a push completes.
     */
    static void runningLocally(String what) {
        stillRunning = what;
        undoCommand = null;
        localWorker = Thread.currentThread();
    }

    /** Runs {@code cleanup} (deleting private directories) also when a second signal leaves at once. */
    static void onLeave(Runnable cleanup) {
        onLeave.add(cleanup);
    }

    /** Forgets what {@link #running} or {@link #runningLocally} named: the operation has an outcome. */
    static void finished() {
        stillRunning = null;
        undoCommand = null;
        localWorker = null;
        onLeave.clear();
    }

    /** SIGTERM to every descendant process (podman, buildah, the Docker CLI and their helpers), then the thread. */
    private static void stopLocalWork(Thread worker) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        worker.interrupt();
    }

    private static void runQuietly(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            // leaving at once: what cannot be deleted now stays, and the message above says what runs
        }
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
     * Waits for {@code operation}'s outcome, with an abort on a signal recorded as made by that signal ("SIGINT"),
     * not by the waiting thread: core's {@link LongOperation#await} asked by {@link #requestedAbort}.
     */
    static <H extends Serializable, O extends OperationOutcome> O await(
            LongOperation<?, H, O> operation,
            H handle,
            ProgressListener listener,
            DecisionPolicy decisions,
            TimeSource time) {
        return operation.await(handle, listener, decisions, sleeper(time), Interrupts::requestedAbort);
    }

    /**
     * {@link #await(LongOperation, Serializable, ProgressListener, DecisionPolicy, TimeSource) await}, keeping the
     * latest handle for {@code undo}, which says how to undo what runs: a second signal prints it.
     */
    static <H extends Serializable, O extends OperationOutcome> O await(
            LongOperation<?, H, O> operation,
            H handle,
            ProgressListener listener,
            DecisionPolicy decisions,
            TimeSource time,
            Function<H, String> undo) {
        return await(operation, handle, listener, decisions, time, undo, next -> {});
    }

    /** {@link #await(LongOperation, Serializable, ProgressListener, DecisionPolicy, TimeSource, Function) await},
     * telling {@code observer} each new handle (as when it first holds the ARNs of the tasks it started). */
    static <H extends Serializable, O extends OperationOutcome> O await(
            LongOperation<?, H, O> operation,
            H handle,
            ProgressListener listener,
            DecisionPolicy decisions,
            TimeSource time,
            Function<H, String> undo,
            java.util.function.Consumer<H> observer) {
        AtomicReference<H> latest = new AtomicReference<>(handle);
        undoCommand = () -> undo.apply(latest.get());
        LongOperation<Object, H, O> tracked = new LongOperation<>() {
            @Override
            public H start(Object request, ProgressListener ignored) {
                throw new UnsupportedOperationException("started already");
            }

            @Override
            public OperationPoll<H, O> poll(H current, Decision decision) {
                return keep(operation.poll(current, decision));
            }

            @Override
            public OperationPoll<H, O> abort(H current, String abortedBy) {
                return keep(operation.abort(current, abortedBy));
            }

            private OperationPoll<H, O> keep(OperationPoll<H, O> round) {
                latest.set(round.handle());
                observer.accept(round.handle());
                return round;
            }
        };
        return await(tracked, handle, listener, decisions, time);
    }

    /** Who asked for an abort ("SIGINT"), or null while nobody did. */
    static String requestedAbort() {
        return received().orElse(null);
    }
}
