package io.jenkins.plugins.ecsdeploy.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step body for tests: it runs on its own thread, sees the context objects the step passed, and then succeeds or
 * fails as the test decided. Counts how often it ran.
 */
public final class TestBodyInvoker extends BodyInvoker {
    /** What the body does with the contexts it was given; throw to fail. */
    @FunctionalInterface
    public interface Body {
        Object run(List<Object> contexts) throws Exception;
    }

    private final Body body;
    private final List<Object> contexts = new CopyOnWriteArrayList<>();
    private final List<Object> seenContexts = new CopyOnWriteArrayList<>();
    private volatile BodyExecutionCallback callback;
    private volatile StepContext context;
    private final CopyOnWriteArrayList<Long> runs = new CopyOnWriteArrayList<>();

    public TestBodyInvoker(Body body) {
        this.body = body;
    }

    public static TestBodyInvoker succeeding() {
        return new TestBodyInvoker(contexts -> "body ok");
    }

    public static TestBodyInvoker failing(String message) {
        return new TestBodyInvoker(contexts -> {
            throw new IllegalStateException(message);
        });
    }

    TestBodyInvoker forContext(StepContext stepContext) {
        context = stepContext;
        contexts.clear();
        return this;
    }

    /** The callback the step gave, as Pipeline would persist it with the program. */
    public BodyExecutionCallback callback() {
        return callback;
    }

    /** Plays a restart: the running body reports to the callback read back from the persisted program. */
    public void replaceCallback(BodyExecutionCallback restored) {
        callback = restored;
    }

    public int runs() {
        return runs.size();
    }

    /** The context objects the last run saw. */
    public List<Object> contexts() {
        return List.copyOf(seenContexts);
    }

    @Override
    public BodyInvoker withContext(Object override) {
        contexts.add(override);
        return this;
    }

    @Override
    public BodyInvoker withContexts(Object... overrides) {
        contexts.addAll(List.of(overrides));
        return this;
    }

    @Override
    public BodyInvoker withDisplayName(String name) {
        return this;
    }

    @Override
    public BodyInvoker withCallback(BodyExecutionCallback newCallback) {
        callback = newCallback;
        return this;
    }

    @Override
    public BodyExecution start() {
        runs.add(System.nanoTime());
        List<Object> given = new ArrayList<>(contexts);
        seenContexts.clear();
        seenContexts.addAll(given);
        CompletableFuture<Object> done = CompletableFuture.supplyAsync(() -> {
            try {
                Object result = body.run(given);
                callback.onSuccess(context, result);
                return result;
            } catch (Exception e) {
                callback.onFailure(context, e);
                return null;
            }
        });
        return new Execution(done);
    }

    /** The running body. */
    static final class Execution extends BodyExecution {
        private static final long serialVersionUID = 1L;
        private final transient CompletableFuture<Object> done;

        Execution(CompletableFuture<Object> done) {
            this.done = done;
        }

        @Override
        public Collection<StepExecution> getCurrentExecutions() {
            return List.of();
        }

        @Override
        public boolean cancel(Throwable t) {
            return done.cancel(true);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return done.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return done.isCancelled();
        }

        @Override
        public boolean isDone() {
            return done.isDone();
        }

        @Override
        public Object get() throws InterruptedException, java.util.concurrent.ExecutionException {
            return done.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, java.util.concurrent.ExecutionException,
                        java.util.concurrent.TimeoutException {
            return done.get(timeout, unit);
        }
    }
}
