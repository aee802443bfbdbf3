package dev.ecsdeploy.core.operation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link LongOperation#await}: who the abort is recorded as made by, and when the interrupt flag is set again. */
class LongOperationAwaitTest {
    private final CountingOperation operation = new CountingOperation();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void shouldAbortOnBehalfOfWhoeverAsksBetweenRoundsWithoutSettingTheInterruptFlag() {
        AtomicReference<String> abortRequest = new AtomicReference<>();
        Sleeper sleeper = duration -> {
            if (operation.rounds == 3) {
                abortRequest.set("SIGTERM");
            }
        };

        Result result = operation.await(0, ProgressListener.NONE, DecisionPolicy.NONE, sleeper, abortRequest::get);

        assertThat(result.abortedBy()).isEqualTo("SIGTERM");
        assertThat(result.operationStatus()).isEqualTo(OperationStatus.ABORTED);
        assertThat(operation.abortCalls).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void shouldNameTheRequesterWhenItInterruptsTheSleep() {
        AtomicReference<String> abortRequest = new AtomicReference<>();
        Sleeper sleeper = duration -> {
            if (operation.rounds == 2) {
                abortRequest.set("SIGINT");
                throw new InterruptedException();
            }
        };

        Result result = operation.await(0, ProgressListener.NONE, DecisionPolicy.NONE, sleeper, abortRequest::get);

        assertThat(result.abortedBy()).isEqualTo("SIGINT");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void shouldRecordAnInterruptionWithoutRequesterAsTheWaitingThreadsAndSetTheFlagAgain() {
        Sleeper sleeper = duration -> {
            if (operation.rounds == 2) {
                throw new InterruptedException();
            }
        };

        Result result = operation.await(0, ProgressListener.NONE, DecisionPolicy.NONE, sleeper);

        assertThat(result.abortedBy()).isEqualTo("interruption of the waiting thread");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void shouldFinishWithoutAbortWhenNobodyAsks() {
        Result result = operation.await(0, ProgressListener.NONE, DecisionPolicy.NONE, duration -> {}, () -> null);

        assertThat(result.operationStatus()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(operation.abortCalls).isZero();
    }

    record Result(OperationStatus operationStatus, String abortedBy) implements OperationOutcome {
        @Override
        public String summary() {
            return operationStatus + (abortedBy == null ? "" : " by " + abortedBy);
        }
    }

    /** Succeeds at its fifth round; an abort ends it at the round after. */
    private static final class CountingOperation implements LongOperation<Void, Integer, Result> {
        int rounds;
        int abortCalls;
        private String abortedBy;

        @Override
        public Integer start(Void request, ProgressListener listener) {
            return 0;
        }

        @Override
        public OperationPoll<Integer, Result> poll(Integer handle, Decision decision) {
            rounds++;
            Optional<Result> outcome = abortedBy != null
                    ? Optional.of(new Result(OperationStatus.ABORTED, abortedBy))
                    : rounds >= 5 ? Optional.of(new Result(OperationStatus.SUCCEEDED, null)) : Optional.empty();
            return new OperationPoll<>(rounds, List.of(), Duration.ofSeconds(5), Optional.empty(), outcome);
        }

        @Override
        public OperationPoll<Integer, Result> abort(Integer handle, String abortedBy) {
            abortCalls++;
            this.abortedBy = abortedBy;
            return new OperationPoll<>(handle, List.of(), Duration.ZERO, Optional.empty(), Optional.empty());
        }
    }
}
