// Stub of jenkinsci/jenkins core/src/main/java/hudson/model/EnvironmentContributingAction.java
package hudson.model;

import hudson.EnvVars;

public interface EnvironmentContributingAction extends Action {
    default void buildEnvironment(Run<?, ?> run, EnvVars env) {}

    @Deprecated
    default void buildEnvVars(AbstractBuild<?, ?> build, EnvVars env) {}
}
