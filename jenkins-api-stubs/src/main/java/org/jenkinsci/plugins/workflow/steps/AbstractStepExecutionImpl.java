// Stub of jenkinsci/workflow-step-api-plugin
// src/main/java/org/jenkinsci/plugins/workflow/steps/AbstractStepExecutionImpl.java
package org.jenkinsci.plugins.workflow.steps;

public abstract class AbstractStepExecutionImpl extends StepExecution {
    protected AbstractStepExecutionImpl() {}

    protected AbstractStepExecutionImpl(StepContext context) {
        super(context);
    }
}
