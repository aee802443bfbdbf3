package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.spec.RegisteredTaskDefinitions;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.history.BuildRecording;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import io.jenkins.plugins.ecsdeploy.history.TaskDefinitionArchive;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The one restart-safe execution behind every long wait (rolling and canary deployments, task runs, rollbacks), in
 * the pattern of workflow-basic-steps' {@code SleepStep}: it keeps core's serializable handle and a small
 * {@link OperationSpec}, runs every round of {@link LongOperation#poll} on the shared {@link PollScheduler} (never on
 * a CPS VM thread), saves the handle after each round, and re-arms itself in {@link #onResume}. {@link #stop}
 * applies the operation's abort action (rollback, StopTask) on behalf of whoever aborted and ends the step once the
 * operation reports the outcome. The operation is recorded in the history through {@link BuildRecording}: in progress
 * just before it starts (the entry's id is saved with the execution, so a resumed wait completes the same entry),
 * and once, with its outcome or the reason it ended without one.
 */
public class DurableOperationExecution<Q, H extends Serializable, O extends OperationOutcome> extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final StepContext context;
    private final OperationSpec<Q, H, O> spec;
    private final DecisionSource decisions;
    private H handle;
    private String status = "starting";
    private DecisionPoint awaiting;
    private Decision pendingDecision;
    private String abortedBy;
    private boolean abortSent;
    private Throwable stopCause;
    private boolean done;
    private StartedOperation started;
    private boolean endRecorded;

    private transient OperationStarter<Q, H, O> starter;
    private transient LongOperation<Q, H, O> operation;
    private transient AwsClients clients;
    private transient AwsConnection connection;
    private transient BuildLog log;
    private transient String connectedRegion;
    private transient Future<?> next;
    private transient Object scheduleLock;
    private transient AtomicBoolean ticking;
    private transient volatile boolean wake;
    private transient BuildRecording recording;

    public DurableOperationExecution(
            StepContext context,
            OperationSpec<Q, H, O> spec,
            DecisionSource decisions,
            OperationStarter<Q, H, O> starter) {
        super(context);
        this.context = context;
        this.spec = spec;
        this.decisions = decisions;
        this.starter = starter;
    }

    @Override
    public boolean start() {
        rearm(Duration.ZERO);
        return false;
    }

    @Override
    public void onResume() {
        if (handle == null && !done) {
            recordEnd(history -> history.ended(
                    started, OperationStatus.FAILED, "Jenkins restarted before the operation had started"));
            finish(() -> context.onFailure(new AbortException(spec.describe()
                    + " cannot resume: Jenkins restarted before the operation had started; run the step again")));
            return;
        }
        decisions.onResume(this);
        rearm(Duration.ZERO);
    }

    /**
     * Applies the abort action on behalf of whoever {@code cause} names. The step ends once the operation has seen
     * the abort through (a rollback started, the tasks stopped); calling it again only hurries the next round.
     */
    @Override
    public void stop(Throwable cause) {
        synchronized (lock()) {
            if (abortedBy == null) {
                abortedBy = whoAborted(cause);
                stopCause = cause;
                status = "aborting (" + abortedBy + ")";
            }
        }
        logQuietly("aborting: " + abortedBy + "; the step's abort action applies");
        if (handle == null && !ticking().get()) {
            cancelNext();
            recordEnd(history -> history.ended(started, OperationStatus.ABORTED, "aborted by " + abortedBy));
            finish(() -> context.onFailure(cause));
            return;
        }
        rearm(Duration.ZERO);
    }

    @Override
    public String getStatus() {
        return spec.describe() + ": " + status;
    }

    /** Answers the decision point the operation waits at; ignored once the operation has moved on or ended. */
    public void decide(Decision decision) {
        synchronized (lock()) {
            if (done || awaiting == null) {
                return;
            }
            pendingDecision = decision;
            status = decision + " requested at " + awaiting.stage();
        }
        rearm(Duration.ZERO);
    }

    /** The decision point the operation waits at, or null. */
    public DecisionPoint awaiting() {
        return awaiting;
    }

    public boolean isDone() {
        return done;
    }

    public H handle() {
        return handle;
    }

    public StepContext context() {
        return context;
    }

    public BuildLog log() throws Exception {
        if (log == null) {
            TaskListener listener = context.get(TaskListener.class);
            log = new BuildLog(listener.getLogger(), SecretMasker.of(List.of()), region(), spec.cluster());
        }
        return log;
    }

    void tick() {
        wake = false;
        if (!ticking().compareAndSet(false, true)) {
            wake = true;
            return;
        }
        Duration delay = null;
        try {
            delay = round();
        } catch (Exception | LinkageError e) {
            recordEnd(history -> history.ended(started, OperationStatus.FAILED, String.valueOf(e.getMessage())));
            finish(() -> context.onFailure(e));
        } finally {
            ticking().set(false);
        }
        if (delay != null) {
            rearm(wake ? Duration.ZERO : delay);
        }
    }

    /** One round; returns when to run the next one, or null when the step has ended. */
    private Duration round() throws Exception {
        if (done) {
            return null;
        }
        LongOperation<Q, H, O> op = operation();
        if (handle == null) {
            handle = starter.start(recordingStart(op), context, log());
            if (started == null) {
                // a starter that did not go through start(request), such as a rollback, is recorded from its handle
                started = recording().started(spec.startedByHandle(), handle);
            }
            spec.announce(handle, log(), region());
            save();
        }
        OperationPoll<H, O> round = abortDue() ? op.abort(handle, abortedBy) : op.poll(handle, takeDecision());
        handle = round.handle();
        for (var event : round.events()) {
            if (spec.shows(event)) {
                log().onEvent(event);
            }
        }
        if (round.isDone()) {
            complete(round.outcome().orElseThrow());
            return null;
        }
        if (abortedBy == null && spec.returnsBeforeOutcome(handle)) {
            log().info(spec.describe() + " goes on without this build waiting for it");
            finish(() -> context.onSuccess(spec.startedResult(handle)));
            return null;
        }
        await(round.awaiting().orElse(null));
        save();
        return round.nextPollIn();
    }

    private boolean abortDue() {
        synchronized (lock()) {
            if (abortedBy != null && !abortSent) {
                abortSent = true;
                status = "abort sent (" + abortedBy + ")";
                return true;
            }
            return false;
        }
    }

    private Decision takeDecision() {
        synchronized (lock()) {
            Decision decision = pendingDecision;
            pendingDecision = null;
            return decision;
        }
    }

    private void await(DecisionPoint point) throws Exception {
        awaiting = point;
        if (point == null) {
            if (abortedBy == null) {
                status = "in progress";
            }
            return;
        }
        status = point.describe();
        Decision decision = decisions.awaiting(this, point);
        if (decision != null) {
            decide(decision);
        }
    }

    private void complete(O outcome) throws Exception {
        if (abortedBy == null && !outcome.isSuccess()) {
            // Jenkins prints the failure's message, the summary, once; the log gets what lies behind it.
            BuildLog log = log();
            outcome.details().forEach(detail -> log.info("  " + detail));
        } else {
            log().info(outcome.summary());
        }
        recordEnd(history -> history.finished(spec, started, outcome));
        keepTaskDefinitions(outcome);
        if (abortedBy != null) {
            finish(() ->
                    context.onFailure(stopCause != null ? stopCause : new AbortException("aborted by " + abortedBy)));
        } else if (outcome.isSuccess()) {
            finish(() -> context.onSuccess(spec.result(outcome)));
        } else {
            finish(() -> context.onFailure(new AbortException(outcome.summary())));
        }
    }

    private void finish(Runnable report) {
        synchronized (lock()) {
            if (done) {
                return;
            }
            done = true;
            awaiting = null;
            status = "finished";
        }
        decisions.finished(this);
        if (clients != null) {
            clients.close();
        }
        report.run();
    }

    /**
     * The operation behind what a starter was given, for a starter that needs more than {@code start(request)} (a
     * rollback asks the deployment engine itself).
     */
    public static <T> T underlying(LongOperation<?, ?, ?> operation, Class<T> type) {
        return type.cast(operation instanceof RecordingStart<?, ?, ?> recording ? recording.operation : operation);
    }

    /** The operation, recording its start in the history just before the mutation is made. */
    private LongOperation<Q, H, O> recordingStart(LongOperation<Q, H, O> op) {
        return new RecordingStart<>(op) {
            @Override
            public H start(Q request, ProgressListener listener) {
                if (started == null) {
                    started = recording().started(spec, request);
                    save();
                }
                return op.start(request, listener);
            }
        };
    }

    /** An operation whose start is recorded; polls and aborts go straight through. */
    private abstract static class RecordingStart<Q, H extends Serializable, O extends OperationOutcome>
            implements LongOperation<Q, H, O> {
        final LongOperation<Q, H, O> operation;

        RecordingStart(LongOperation<Q, H, O> operation) {
            this.operation = operation;
        }

        @Override
        public OperationPoll<H, O> poll(H handle, Decision decision) {
            return operation.poll(handle, decision);
        }

        @Override
        public OperationPoll<H, O> abort(H handle, String abortedBy) {
            return operation.abort(handle, abortedBy);
        }
    }

    /** Records how the operation ended, once: a restart or a second stop never records it again. */
    private void recordEnd(Consumer<BuildRecording> how) {
        synchronized (lock()) {
            if (started == null || endRecorded) {
                return;
            }
            endRecorded = true;
        }
        try {
            how.accept(recording());
        } catch (Exception | LinkageError e) {
            logQuietly("history not recorded: " + e);
        }
        save();
    }

    /** Keeps the task definitions the outcome names, so the Deployments pages diff them without calling AWS. */
    private void keepTaskDefinitions(O outcome) {
        List<String> arns = spec.taskDefinitionArns(outcome);
        if (arns.isEmpty() || connection == null) {
            return;
        }
        try {
            TaskDefinitionArchive archive = PluginHistory.get().taskDefinitions();
            for (String arn : arns) {
                if (archive.read(arn) == null) {
                    archive.put(arn, RegisteredTaskDefinitions.describe(clients.ecs(connection), arn));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            logQuietly("task definitions not kept for the Deployments pages' diffs: " + e.getMessage());
        }
    }

    /** The history entry of this operation, or null when it was not recorded. */
    public StartedOperation started() {
        return started;
    }

    private BuildRecording recording() {
        if (recording == null) {
            try {
                TaskListener listener = context.get(TaskListener.class);
                recording = BuildRecording.of(
                        context.get(Run.class), context.get(EnvVars.class), region(), listener.getLogger());
            } catch (Exception | LinkageError e) {
                logQuietly("history not recorded: the build could not be read: " + e);
                recording = BuildRecording.of(null, null, region(), new PrintStream(OutputStream.nullOutputStream()));
            }
        }
        return recording;
    }

    private LongOperation<Q, H, O> operation() throws Exception {
        if (operation == null) {
            StepServices services = StepServices.current();
            connection = services.connect(context, spec.target());
            connectedRegion = connection.region().id();
            clients = services.openClients();
            operation = spec.operation(connection, clients, services.clock());
        }
        return operation;
    }

    private String region() {
        return connectedRegion != null ? connectedRegion : spec.target().region();
    }

    private void save() {
        context.saveState();
    }

    private void rearm(Duration delay) {
        synchronized (lock()) {
            if (done) {
                return;
            }
            if (next != null) {
                next.cancel(false);
            }
            next = StepServices.current().scheduler().schedule(this::tick, delay);
        }
    }

    private void cancelNext() {
        synchronized (lock()) {
            if (next != null) {
                next.cancel(false);
            }
        }
    }

    private synchronized Object lock() {
        if (scheduleLock == null) {
            scheduleLock = new Object();
        }
        return scheduleLock;
    }

    private synchronized AtomicBoolean ticking() {
        if (ticking == null) {
            ticking = new AtomicBoolean();
        }
        return ticking;
    }

    private void logQuietly(String line) {
        try {
            log().info(line);
        } catch (Exception e) {
            // the abort matters more than its log line
        }
    }

    private static String whoAborted(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
