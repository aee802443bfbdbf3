package io.jenkins.plugins.ecsdeploy.testing;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.model.Result;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A {@link StepContext} for tests without Jenkins: it records the step's outcome, captures the build log, hands out
 * the objects a test puts in, and offers a {@link TestBodyInvoker} when the step has a body. A context survives Java
 * serialization like Pipeline's does: the copy is the same build (it shares outcome, log and objects by id). A
 * context can be {@link #kill() killed} to play a controller that died: what it is told afterwards is ignored.
 */
public final class TestStepContext extends StepContext {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Map<String, Build> BUILDS = new ConcurrentHashMap<>();

    private final String id;
    private transient volatile boolean dead;

    /** What the build holds; shared by every copy of the context. */
    static final class Build {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final PrintStream logger = new PrintStream(log, true, StandardCharsets.UTF_8);
        final Map<Class<?>, Object> objects = new ConcurrentHashMap<>();
        final AtomicInteger saves = new AtomicInteger();
        volatile TestBodyInvoker body;
        volatile Result result;
    }

    public TestStepContext() {
        id = UUID.randomUUID().toString();
        BUILDS.put(id, new Build());
        put(TaskListener.class, new CapturingListener(id));
    }

    private Build build() {
        return BUILDS.get(id);
    }

    public <T> TestStepContext put(Class<T> type, T value) {
        build().objects.put(type, value);
        return this;
    }

    /** Gives the step a body that behaves as {@code body} says. */
    public TestStepContext withBody(TestBodyInvoker body) {
        build().body = body;
        return this;
    }

    public void kill() {
        dead = true;
    }

    @Override
    public <T> T get(Class<T> key) {
        return key.cast(build().objects.get(key));
    }

    @Override
    public void onSuccess(Object result) {
        if (!dead) {
            build().outcome.complete(result);
        }
    }

    @Override
    public void onFailure(Throwable t) {
        if (!dead) {
            build().outcome.completeExceptionally(t);
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public ListenableFuture<Void> saveState() {
        build().saves.incrementAndGet();
        return Futures.immediateVoidFuture();
    }

    @Override
    public void setResult(Result r) {
        build().result = r;
    }

    public Result result() {
        return build().result;
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        TestBodyInvoker body = build().body;
        if (body == null) {
            throw new IllegalStateException("this step has no body");
        }
        return body.forContext(this);
    }

    @Override
    public boolean hasBody() {
        return build().body != null;
    }

    public boolean isDone() {
        return build().outcome.isDone();
    }

    /** Waits for the step's return value; throws the step's failure. */
    public Object awaitSuccess(Duration timeout) throws Exception {
        try {
            return build().outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the step failed: " + e.getCause() + "\n" + log(), e.getCause());
        }
    }

    /** Waits for the step to fail and returns why. */
    public Throwable awaitFailure(Duration timeout) throws Exception {
        try {
            Object result = build().outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("the step succeeded with " + result + "\n" + log());
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    public String log() {
        return build().log.toString(StandardCharsets.UTF_8);
    }

    public int saves() {
        return build().saves.get();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestStepContext other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** The build log listener; serializable like Jenkins' own, writing to the shared log. */
    static final class CapturingListener implements TaskListener {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String id;

        CapturingListener(String id) {
            this.id = id;
        }

        @Override
        public PrintStream getLogger() {
            return BUILDS.get(id).logger;
        }
    }
}
