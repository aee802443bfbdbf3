// Stub of jenkinsci/jenkins core/src/main/java/jenkins/model/GlobalConfiguration.java
package jenkins.model;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {
    protected GlobalConfiguration() {}

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }

    public String getGlobalConfigPage() {
        throw new UnsupportedOperationException();
    }
}
