package dev.ecsdeploy.core.operation;

import dev.ecsdeploy.core.event.ProgressListener;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A long wait split into durable rounds, so a restarted caller resumes from the last handle without repeating a
 * mutation.
 *
 * <pre>{@code
 * H handle = operation.start(request, listener);               // validates first: bad input mutates nothing
 * OperationPoll<H, O> round = operation.poll(handle);          // one bounded round, never sleeps
 * while (!round.isDone()) {
 *     persist(round.handle());                                  // what a restarted caller reads back
 *     scheduleIn(round.nextPollIn());
 *     round = operation.poll(round.handle(), decide(round.awaiting()));
 * }
 * O outcome = round.outcome().orElseThrow();
 * }</pre>
 *
 * @param <Q> the request type
 * @param <H> the handle type: small, immutable, serializable with a fixed {@code serialVersionUID}
 * @param <O> the outcome type
 */
public interface LongOperation<Q, H extends Serializable, O extends OperationOutcome> {

    /**
     * Validates the request and begins the operation. Input that AWS would refuse, or names that do not exist, fail
     * here before the first mutating call.
     */
    H start(Q request, ProgressListener listener);

    default H start(Q request) {
        return start(request, ProgressListener.NONE);
    }

    /**
     * One bounded round of work that is due, answering a waiting decision point with {@code decision} (null for
     * none). Never sleeps; a decision given while nothing awaits one is ignored.
     */
    OperationPoll<H, O> poll(H handle, Decision decision);

    default OperationPoll<H, O> poll(H handle) {
        return poll(handle, null);
    }

    /**
     * Applies the operation's abort action (roll back, stop the task, stop waiting) on behalf of {@code abortedBy}
     * (a user id, "SIGINT", "build aborted"...). When the returned round has no outcome yet, keep polling: the
     * outcome, ABORTED, comes once the abort action has been seen through. Calling it again is harmless.
     */
    OperationPoll<H, O> abort(H handle, String abortedBy);

    /**
     * Polls until there is an outcome, reporting every round's events to {@code listener}, asking {@code decisions}
     * at every decision point and sleeping between rounds: the blocking path for the CLI.
     *
     * <p>An interrupted sleep is an abort by "interruption of the waiting thread": the abort action is applied and
     * polled through (without further sleeps) to the ABORTED outcome, which is returned with the thread's interrupt
     * flag set again. So an interrupted CLI never leaves tasks running or a deployment unattended.
     */
    default O await(H handle, ProgressListener listener, DecisionPolicy decisions, Sleeper sleeper) {
        return await(handle, listener, decisions, sleeper, () -> null);
    }

    /**
     * {@link #await(Serializable, ProgressListener, DecisionPolicy, Sleeper) await}, also aborting on behalf of
     * whoever {@code abortRequest} names: it is asked before every sleep and when a sleep is interrupted, and answers
     * null while nobody asks for an abort, or who asks ("SIGINT"). The abort is then recorded as made by that caller,
     * not by "interruption of the waiting thread"; the interrupt flag is set again only for a real interruption.
     */
    default O await(
            H handle,
            ProgressListener listener,
            DecisionPolicy decisions,
            Sleeper sleeper,
            Supplier<String> abortRequest) {
        OperationPoll<H, O> round = poll(handle);
        boolean aborting = false;
        boolean interrupted = false;
        while (true) {
            round.events().forEach(listener::onEvent);
            if (round.isDone()) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return round.outcome().orElseThrow();
            }
            Decision decision =
                    aborting ? null : round.awaiting().map(decisions::decide).orElse(null);
            if (aborting) {
                Sleeper.uninterruptibly(sleeper, round.nextPollIn());
            } else if (decision == null) {
                String requestedBy = abortRequest.get();
                try {
                    if (requestedBy == null) {
                        sleeper.sleep(round.nextPollIn());
                    }
                } catch (InterruptedException e) {
                    requestedBy = abortRequest.get();
                    interrupted = requestedBy == null;
                }
                if (requestedBy != null || interrupted) {
                    aborting = true;
                    round = abort(round.handle(), interrupted ? "interruption of the waiting thread" : requestedBy);
                    continue;
                }
            }
            round = poll(round.handle(), decision);
        }
    }

    /** Starts the operation and {@link #await awaits} its outcome: the CLI's one call. */
    default O run(Q request, ProgressListener listener, DecisionPolicy decisions, Sleeper sleeper) {
        return await(start(request, listener), listener, decisions, sleeper);
    }
}
