// Stub of jenkinsci/jenkins core/src/main/java/hudson/tasks/Builder.java
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException();
    }
}
