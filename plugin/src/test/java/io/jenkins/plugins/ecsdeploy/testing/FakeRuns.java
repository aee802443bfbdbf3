package io.jenkins.plugins.ecsdeploy.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.Job;
import hudson.model.Run;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds without Jenkins: a Mockito {@link Run} of a named job that keeps the actions added to it, with the causes
 * given, and the job's builds linked newest first, as {@code Job.getLastBuild()}/{@code Run.getPreviousBuild()} walk
 * them.
 */
public final class FakeRuns {
    private FakeRuns() {}

    /** Build {@code number} of {@code job}, started for {@code causes}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Run<?, ?> run(String job, int number, Cause... causes) {
        Run run = mock(Run.class);
        Job parent = mock(Job.class);
        when(parent.getFullName()).thenReturn(job);
        List<Action> actions = new CopyOnWriteArrayList<>();
        doAnswer(call -> actions.add(call.getArgument(0))).when(run).addAction(any());
        doAnswer(call -> actions.stream()
                        .filter(((Class<?>) call.getArgument(0))::isInstance)
                        .findFirst()
                        .orElse(null))
                .when(run)
                .getAction(any(Class.class));
        when(run.getActions()).thenReturn(actions);
        when(run.getParent()).thenReturn(parent);
        when(run.getNumber()).thenReturn(number);
        when(run.getUrl()).thenReturn("job/" + job + "/" + number + "/");
        when(run.getAbsoluteUrl()).thenReturn("https://jenkins.example.com/job/" + job + "/" + number + "/");
        when(run.getCauses()).thenReturn(List.of(causes));
        return run;
    }

    /** A job whose builds are {@code newestFirst}, linked through getPreviousBuild. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Job<?, ?> job(List<Run<?, ?>> newestFirst) {
        Job job = mock(Job.class);
        when(job.getLastBuild()).thenReturn(newestFirst.isEmpty() ? null : newestFirst.get(0));
        for (int i = 0; i < newestFirst.size(); i++) {
            Run run = newestFirst.get(i);
            when(run.getPreviousBuild()).thenReturn(i + 1 < newestFirst.size() ? newestFirst.get(i + 1) : null);
        }
        return job;
    }
}
