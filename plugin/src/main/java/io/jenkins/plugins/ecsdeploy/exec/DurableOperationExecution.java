package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationOutcome;
import dev.ecsdeploy.core.operation.OperationPoll;
import hudson.AbortException;
import hudson.model.TaskListener;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The one restart-safe execution behind every long wait (rolling and canary deployments, task runs, rollbacks), in
 * the pattern of workflow-basic-steps' {@code SleepStep}: it keeps core's serializable handle and a small
 * {@link OperationSpec}, runs every round of {@link LongOperation#poll} on the shared {@link PollScheduler} (never on
 * a CPS VM thread), saves the handle after each round, and re-arms itself in {@link #onResume}. {@link #stop}
 * applies the operation's abort action (rollback, StopTask) on behalf of whoever aborted and ends the step once the
 * operation reports the outcome.
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

    private transient OperationStarter<Q, H, O> starter;
    private transient LongOperation<Q, H, O> operation;
    private transient AwsClients clients;
    private transient BuildLog log;
    private transient String connectedRegion;
    private transient Future<?> next;
    private transient Object scheduleLock;
    private transient AtomicBoolean ticking;
    private transient volatile boolean wake;

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
            handle = starter.start(op, context, log());
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

    private LongOperation<Q, H, O> operation() throws Exception {
        if (operation == null) {
            StepServices services = StepServices.current();
            AwsConnection connection = services.connect(context, spec.target());
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
