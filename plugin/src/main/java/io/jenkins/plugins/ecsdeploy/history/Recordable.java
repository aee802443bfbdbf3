package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import java.io.Serializable;

/**
 * How one kind of operation (a deployment, a task run, an image build) is recorded by core's {@link HistoryRecorder}:
 * which recorder call starts its entry and which completes it. Kept with the execution's serializable state, so it
 * must stay small.
 *
 * @param <Q> the request the operation starts from
 * @param <O> the outcome it ends with
 */
public interface Recordable<Q, O> extends Serializable {
    /** Records the operation as {@code IN_PROGRESS}; null when this kind of operation is not recorded. */
    StartedOperation recordStart(HistoryRecorder history, Q request);

    /** Completes the entry {@link #recordStart} made, from the operation's outcome. */
    void recordEnd(HistoryRecorder history, StartedOperation started, O outcome);

    /**
     * The task definitions an outcome names (the one replaced and the one deployed), kept so the pages can diff them
     * without calling AWS.
     */
    default java.util.List<String> taskDefinitionArns(O outcome) {
        return java.util.List.of();
    }

    /** The application entries are filed under; null files them under the primary image's repository name. */
    default String application() {
        return null;
    }
}
