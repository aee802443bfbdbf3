// Stub of jenkinsci/jenkins core/src/main/java/jenkins/security/MasterToSlaveCallable.java
package jenkins.security;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

/** The stub implements {@code hudson.remoting.Callable} directly, which links against every core since 1.587. */
public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {
    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException();
    }
}
