package io.jenkins.plugins.ecsdeploy.exec;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs a pipeline step's own execution to its end on the calling thread, for a Freestyle build step. The step
 * builds the same core request and {@link OperationSpec} as in a Pipeline, and its execution
 * ({@link DurableOperationExecution} or {@link ShortCallExecution}) drives core's start and polls as there; this
 * class only waits. When the build is aborted (the waiting thread is interrupted) it stops the execution, which
 * applies the operation's abort action (rollback, StopTask), waits until the operation has seen the abort through,
 * and rethrows. A failure, including a deployment that rolled back, marks the build FAILURE and ends in an
 * {@link AbortException} with the concise reason.
 */
public final class BlockingStepRun {
    private final BuildStepContext context;
    private final String description;

    /** Creates the step's execution in the given context. */
    @FunctionalInterface
    public interface ExecutionFactory {
        StepExecution create(StepContext context) throws Exception;
    }

    public BlockingStepRun(BuildStepContext context, String description) {
        this.context = context;
        this.description = description;
    }

    /** Runs the execution {@code factory} creates and returns the step's value: a plain map, as in a Pipeline. */
    public Map<String, Object> run(ExecutionFactory factory) throws InterruptedException, AbortException {
        started();
        try {
            Map<String, Object> result = await(factory);
            finished(result, null);
            return result;
        } catch (InterruptedException | AbortException e) {
            finished(null, e);
            throw e;
        }
    }

    /**
     * The one place where a run begins: a recorder of the build's deployments (the history) hooks in here and in
     * {@link #finished}.
     */
    private void started() {
        context.get(TaskListener.class).getLogger().println("[ecs-deploy] " + description);
    }

    /** The one place where a run ends, with its value or its failure. */
    private void finished(Map<String, Object> result, Exception failure) {
        if (failure instanceof AbortException) {
            run().setResult(Result.FAILURE);
        }
    }

    private Map<String, Object> await(ExecutionFactory factory) throws InterruptedException, AbortException {
        StepExecution execution;
        try {
            execution = factory.create(context);
            execution.start();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw concise(e);
        }
        try {
            return asMap(context.outcome().get());
        } catch (InterruptedException aborted) {
            InterruptedException cause = new InterruptedException("the build was aborted");
            stop(execution, cause);
            awaitAbortSeenThrough(execution, cause);
            throw aborted;
        } catch (ExecutionException e) {
            throw concise(e.getCause());
        }
    }

    /**
     * Waits until the execution has applied its abort action: returning at once would leave a deployment rolling out
     * with nobody to roll it back. A further interrupt (the user aborting again) only hurries the next round.
     */
    private void awaitAbortSeenThrough(StepExecution execution, InterruptedException aborted) {
        while (true) {
            try {
                context.outcome().get();
                return;
            } catch (ExecutionException ended) {
                return;
            } catch (InterruptedException again) {
                stop(execution, aborted);
            }
        }
    }

    private void stop(StepExecution execution, InterruptedException cause) {
        try {
            execution.stop(cause);
        } catch (Exception e) {
            context.onFailure(e);
        }
    }

    private Run<?, ?> run() {
        return context.get(Run.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static AbortException concise(Throwable failure) {
        if (failure instanceof AbortException abort) {
            return abort;
        }
        String message = failure.getMessage();
        AbortException abort = new AbortException(message == null || message.isBlank() ? failure.toString() : message);
        abort.initCause(failure);
        return abort;
    }
}
