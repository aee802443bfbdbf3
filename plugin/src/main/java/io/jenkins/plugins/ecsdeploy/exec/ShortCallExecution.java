package io.jenkins.plugins.ecsdeploy.exec;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.history.BuildRecording;
import java.util.concurrent.Future;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs a short call (a promotion, a dry run, the start of a rollback, an image build on the agent) on the shared
 * scheduler instead of the CPS VM thread. Like {@code SynchronousNonBlockingStepExecution} it cannot resume after a
 * restart, and says so; long waits use {@link DurableOperationExecution}.
 */
public final class ShortCallExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    private final StepContext context;
    private final String description;
    private transient Call call;
    private transient Future<?> running;

    /** The work: returns the step's value (a plain map), or throws to fail the step. */
    @FunctionalInterface
    public interface Call {
        Object run(StepContext context) throws Exception;
    }

    public ShortCallExecution(StepContext context, String description, Call call) {
        super(context);
        this.context = context;
        this.description = description;
        this.call = call;
    }

    /**
     * The history recording of a short call's build (its run, environment and log); the call records its start and
     * end itself, as a Freestyle builder does.
     */
    public static BuildRecording recording(StepContext context, String region) throws Exception {
        TaskListener listener = context.get(TaskListener.class);
        return BuildRecording.of(context.get(Run.class), context.get(EnvVars.class), region, listener.getLogger());
    }

    @Override
    public boolean start() {
        running = StepServices.current().shortCalls().submit(this::run);
        return false;
    }

    private void run() {
        try {
            context.onSuccess(call.run(context));
        } catch (Exception | LinkageError e) {
            context.onFailure(e);
        }
    }

    @Override
    public void stop(Throwable cause) {
        if (running != null) {
            running.cancel(true);
        }
        context.onFailure(cause);
    }

    @Override
    public void onResume() {
        context.onFailure(
                new AbortException(
                        description
                                + " was interrupted by a Jenkins restart and cannot resume; wrap it in retry(conditions: [nonresumable()], count: 2)"));
    }

    @Override
    public String getStatus() {
        return description;
    }
}
