package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.RunAction2;
import org.mockito.Mockito;

/**
 * A Freestyle build for tests without Jenkins: a run that keeps its actions and result, a workspace directory, the
 * build's environment and a log. {@link #perform} runs a build step as Jenkins' build loop does.
 */
final class FakeBuild {
    final FakeRun run = new FakeRun();
    final FilePath workspace;
    final EnvVars env;
    final LogListener listener = new LogListener();

    FakeBuild(Path workspace, EnvVars env) {
        this.workspace = new FilePath(workspace.toFile());
        this.env = env;
    }

    void perform(EcsBuilder<?> builder) throws Exception {
        builder.perform(run, workspace, env, null, listener);
    }

    /** The environment a later build step sees: the build's, plus what the actions contribute. */
    EnvVars environmentOfLaterSteps() {
        EnvVars later = new EnvVars(env);
        for (Action action : run.getActions()) {
            if (action instanceof hudson.model.EnvironmentContributingAction contributing) {
                contributing.buildEnvironment(run, later);
            }
        }
        return later;
    }

    String log() {
        return listener.log();
    }

    /**
     * A run that keeps actions (attaching them, as Jenkins' does) and the worst result it was given; its job grants
     * every permission.
     */
    @SuppressWarnings("rawtypes")
    static final class FakeRun extends Run {
        private final List<Action> actions = new CopyOnWriteArrayList<>();
        private final Job job = Mockito.mock(Job.class);
        private volatile Result result;

        @Override
        public Job getParent() {
            return job;
        }

        @Override
        public List<Action> getActions() {
            return actions;
        }

        @Override
        public <T extends Action> T getAction(Class<T> type) {
            return actions.stream()
                    .filter(type::isInstance)
                    .map(type::cast)
                    .findFirst()
                    .orElse(null);
        }

        @Override
        public void addAction(Action a) {
            actions.add(a);
            if (a instanceof RunAction2 attached) {
                attached.onAttached(this);
            }
        }

        @Override
        public Result getResult() {
            return result;
        }

        @Override
        public void setResult(Result r) {
            result = result == null ? r : result.combine(r);
        }

        @Override
        public List<hudson.model.Cause> getCauses() {
            return List.of();
        }

        @Override
        public int getNumber() {
            return 7;
        }

        @Override
        public String getUrl() {
            return "job/team/job/app/7/";
        }

        @Override
        public String getExternalizableId() {
            return "team/app#7";
        }

        @Override
        public hudson.security.ACL getACL() {
            throw new UnsupportedOperationException();
        }
    }

    /** The build log. */
    static final class LogListener implements TaskListener {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final transient PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        @Override
        public PrintStream getLogger() {
            return logger;
        }

        String log() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
