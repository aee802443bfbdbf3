package io.jenkins.plugins.ecsdeploy.exec;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.concurrent.CompletableFuture;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The context a pipeline step's execution sees when a Freestyle build step runs it: the build, its workspace,
 * environment, launcher and log, and the agent that holds the workspace (whose identity the credential chain uses).
 * It keeps the outcome for {@link BlockingStepRun}. A Freestyle build does not survive a restart, so nothing here is
 * ever serialized; saving state does nothing.
 */
public final class BuildStepContext extends StepContext {
    @Serial
    private static final long serialVersionUID = 1L;

    private final transient Run<?, ?> run;
    private final transient FilePath workspace;
    private final transient EnvVars environment;
    private final transient Launcher launcher;
    private final transient TaskListener listener;
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();

    public BuildStepContext(
            Run<?, ?> run, FilePath workspace, EnvVars environment, Launcher launcher, TaskListener listener) {
        this.run = run;
        this.workspace = workspace;
        this.environment = environment;
        this.launcher = launcher;
        this.listener = listener;
    }

    @Override
    public <T> T get(Class<T> key) {
        Object value = null;
        if (key == Run.class) {
            value = run;
        } else if (key == FilePath.class) {
            value = workspace;
        } else if (key == EnvVars.class) {
            value = environment;
        } else if (key == Launcher.class) {
            value = launcher;
        } else if (key == TaskListener.class) {
            value = listener;
        } else if (key == Computer.class) {
            value = workspace == null ? null : workspace.toComputer();
        }
        return key.cast(value);
    }

    @Override
    public void onSuccess(Object result) {
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        outcome.completeExceptionally(t);
    }

    /** Completes with the step's return value, or exceptionally with its failure. */
    CompletableFuture<Object> outcome() {
        return outcome;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {
        run.setResult(r);
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        throw new IllegalStateException("a Freestyle build step has no body");
    }

    @Override
    public boolean hasBody() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
