// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/Node.java
package hudson.model;

import hudson.ExtensionPoint;
import hudson.remoting.VirtualChannel;
import hudson.security.AccessControlled;

public abstract class Node implements ExtensionPoint, AccessControlled {
    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public abstract String getNodeName();

    public final Computer toComputer() {
        throw new UnsupportedOperationException();
    }

    public final VirtualChannel getChannel() {
        throw new UnsupportedOperationException();
    }
}
