// Stub of jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Keeps its context and implements the real defaults of stop, onResume and getStatus, so tests can drive it. */
public abstract class StepExecution implements Serializable {
    private transient StepContext context;

    protected StepExecution() {}

    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    public void onResume() {}

    public String getStatus() {
        return null;
    }

    public boolean blocksRestart() {
        throw new UnsupportedOperationException();
    }
}
