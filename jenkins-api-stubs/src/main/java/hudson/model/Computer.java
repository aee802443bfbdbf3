// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Computer.java
package hudson.model;

import hudson.EnvVars;
import hudson.remoting.VirtualChannel;
import hudson.security.AccessControlled;
import java.io.IOException;

public abstract class Computer extends Actionable implements AccessControlled {
    public abstract VirtualChannel getChannel();

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public Node getNode() {
        throw new UnsupportedOperationException();
    }

    public final boolean isOnline() {
        throw new UnsupportedOperationException();
    }

    public EnvVars getEnvironment() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }
}
