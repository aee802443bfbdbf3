package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.source.SourceCommit;
import io.jenkins.plugins.ecsdeploy.history.Recordable;
import java.io.Serial;
import java.util.List;

/**
 * How an image build or promotion is recorded: started with the repository and tags it was asked for, completed
 * with the push (and the scan and gate, when there was one).
 */
final class ImageRecords implements Recordable<ImageRecords.Asked, AgentBuildPush.Outcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The repository and tags a build or promotion was asked for, and the commit built (or null). */
    record Asked(String repository, List<String> tags, String revision) {
        /** A promotion, which builds no commit. */
        Asked(String repository, List<String> tags) {
            this(repository, tags, null);
        }
    }

    @Override
    public StartedOperation recordStart(HistoryRecorder history, Asked asked) {
        return history.buildStarted(
                asked.repository(),
                asked.tags(),
                asked.revision() == null ? null : new SourceCommit(asked.revision(), null));
    }

    /** The commit's time is read on the agent during the build, so the end records it. */
    @Override
    public void recordEnd(HistoryRecorder history, StartedOperation started, AgentBuildPush.Outcome outcome) {
        history.buildFinished(started, outcome.pushed(), outcome.scan(), outcome.gate(), outcome.commit());
    }
}
