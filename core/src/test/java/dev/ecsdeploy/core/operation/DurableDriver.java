package dev.ecsdeploy.core.operation;

import dev.ecsdeploy.core.event.ProgressEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a durable caller (a Jenkins step execution) does, written once against {@link LongOperation}: start, then
 * rounds of poll, each handle persisted with Java serialization and read back before the next round, decisions
 * answered, the next round scheduled through {@code scheduler}, and an optional abort. With
 * {@code restartEveryRound} every round runs on a fresh engine, as after a controller restart.
 */
final class DurableDriver<Q, H extends Serializable, O extends OperationOutcome> {
    private static final int MAX_ROUNDS = 2_000;

    private final Supplier<? extends LongOperation<Q, H, O>> engines;
    private final Sleeper scheduler;
    private final boolean restartEveryRound;
    final List<ProgressEvent> events = new ArrayList<>();
    int rounds;
    int engineCount;

    DurableDriver(Supplier<? extends LongOperation<Q, H, O>> engines, Sleeper scheduler, boolean restartEveryRound) {
        this.engines = engines;
        this.scheduler = scheduler;
        this.restartEveryRound = restartEveryRound;
    }

    /** Drives the operation to its outcome. */
    O run(Q request, DecisionPolicy decisions) {
        return drive(request, decisions, -1, null);
    }

    /** Drives the operation, aborts it on behalf of {@code abortedBy} at round {@code abortAt}, and sees it through. */
    O runAndAbort(Q request, int abortAt, String abortedBy) {
        return drive(request, DecisionPolicy.NONE, abortAt, abortedBy);
    }

    private O drive(Q request, DecisionPolicy decisions, int abortAt, String abortedBy) {
        LongOperation<Q, H, O> engine = engine();
        byte[] persisted = GoldenStates.serialize(engine.start(request, events::add));
        Decision decision = null;
        while (rounds < MAX_ROUNDS) {
            if (restartEveryRound) {
                engine = engine();
            }
            H handle = deserialize(persisted);
            OperationPoll<H, O> round =
                    rounds == abortAt ? engine.abort(handle, abortedBy) : engine.poll(handle, decision);
            rounds++;
            events.addAll(round.events());
            persisted = GoldenStates.serialize(round.handle());
            if (round.isDone()) {
                return round.outcome().orElseThrow();
            }
            decision = round.awaiting().map(decisions::decide).orElse(null);
            if (decision == null) {
                schedule(round);
            }
        }
        throw new IllegalStateException("no outcome after " + MAX_ROUNDS + " rounds");
    }

    private LongOperation<Q, H, O> engine() {
        engineCount++;
        return engines.get();
    }

    private void schedule(OperationPoll<H, O> round) {
        try {
            scheduler.sleep(round.nextPollIn());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scheduler was interrupted", e);
        }
    }

    @SuppressWarnings("unchecked")
    private H deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (H) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
