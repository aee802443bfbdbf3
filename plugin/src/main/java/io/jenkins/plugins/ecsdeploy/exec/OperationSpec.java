package io.jenkins.plugins.ecsdeploy.exec;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationOutcome;
import io.jenkins.plugins.ecsdeploy.history.Recordable;
import java.io.Serializable;
import java.time.Clock;
import java.util.Map;

/**
 * The small serializable part of a durable step that is not core's handle: where to connect, how to name the
 * operation, and how to turn its outcome into the step's return value. A resumed execution rebuilds its operation
 * from it. It also says how the operation is recorded in the history ({@link Recordable}); by default it is not.
 */
public abstract class OperationSpec<Q, H extends Serializable, O extends OperationOutcome>
        implements Serializable, Recordable<Q, O> {
    private static final long serialVersionUID = 1L;

    private final AwsTarget target;
    private final String cluster;

    protected OperationSpec(AwsTarget target, String cluster) {
        this.target = target;
        this.cluster = cluster;
    }

    public AwsTarget target() {
        return target;
    }

    public String cluster() {
        return cluster;
    }

    /** Builds the operation on the given connection; called on start and again after a restart. */
    public abstract LongOperation<Q, H, O> operation(AwsConnection connection, AwsClients clients, Clock clock);

    /** What the operation is, for the status line: {@code deployment of web to main}. */
    public abstract String describe();

    /** The step's return value: a plain map of strings, numbers and lists. */
    public abstract Map<String, Object> result(O outcome);

    /** Whether the step may return now, without the outcome ({@code wait: false} once the mutation is made). */
    public boolean returnsBeforeOutcome(H handle) {
        return false;
    }

    /** The return value of a step that did not wait for the outcome. */
    public Map<String, Object> startedResult(H handle) {
        return Map.of("status", "IN_PROGRESS");
    }

    /** Whether the build log shows {@code event} (run-task's {@code streamLogs: false} hides container output). */
    public boolean shows(ProgressEvent event) {
        return true;
    }

    /** Prints the resources the operation works on, with their console URLs, once the handle exists. */
    public void announce(H handle, BuildLog log, String region) {}

    @Override
    public StartedOperation recordStart(HistoryRecorder history, Q request) {
        return null;
    }

    @Override
    public void recordEnd(HistoryRecorder history, StartedOperation started, O outcome) {}

    /**
     * How to record, from its handle, an operation whose starter did not call {@code start(request)}; by default it is
     * not recorded.
     */
    public Recordable<H, O> startedByHandle() {
        return new Recordable<>() {
            @Override
            public StartedOperation recordStart(HistoryRecorder history, H handle) {
                return null;
            }

            @Override
            public void recordEnd(HistoryRecorder history, StartedOperation started, O outcome) {}
        };
    }
}
