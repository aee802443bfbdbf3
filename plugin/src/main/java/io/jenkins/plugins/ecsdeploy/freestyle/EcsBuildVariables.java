package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables the ecs-deploy build steps of a Freestyle build give the build steps after them
 * (IMAGE_URI, IMAGE_DIGEST, TASK_DEFINITION_ARN, ...). One action per build; a later ecs-deploy step overwrites the
 * variables it sets again. Holds ARNs, URIs, digests and statuses only, never a secret. Invisible in the UI.
 */
public final class EcsBuildVariables implements EnvironmentContributingAction {
    private final LinkedHashMap<String, String> variables = new LinkedHashMap<>();

    /** Adds {@code values} to the build's variables, creating the action on the first call. */
    static void contribute(Run<?, ?> run, Map<String, String> values) {
        synchronized (run) {
            EcsBuildVariables action = run.getAction(EcsBuildVariables.class);
            if (action == null) {
                action = new EcsBuildVariables();
                run.addAction(action);
            }
            action.putAll(values);
        }
    }

    private synchronized void putAll(Map<String, String> values) {
        variables.putAll(values);
    }

    /** The variables, by name. */
    public synchronized Map<String, String> getVariables() {
        return Map.copyOf(variables);
    }

    @Override
    public synchronized void buildEnvironment(Run<?, ?> run, EnvVars env) {
        env.putAll(variables);
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
