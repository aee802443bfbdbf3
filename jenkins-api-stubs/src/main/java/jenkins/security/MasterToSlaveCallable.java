// jenkinsci/jenkins core/src/main/java/jenkins/security/MasterToSlaveCallable.java (declared against Callable, see jenkins-api.md 2.5)
package jenkins.security;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

public abstract class MasterToSlaveCallable<V, T extends Throwable> implements Callable<V, T> {
    @Override
    public void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException();
    }
}
