package io.jenkins.plugins.ecsdeploy.steps;

import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The defaults a {@code withEcsEnvironment} block gives the steps inside it, passed as a context variable of the
 * block's body. Holds ids and names only, never a secret.
 */
public record EcsEnvironment(String name, String cluster, AwsTarget target) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The innermost enclosing environment, or null outside any {@code withEcsEnvironment}. */
    static EcsEnvironment of(StepContext context) throws IOException, InterruptedException {
        return context.get(EcsEnvironment.class);
    }

    /** {@code inner}'s fields, with the unset ones taken from this (outer) environment. */
    EcsEnvironment nest(EcsEnvironment inner) {
        return new EcsEnvironment(
                Fields.first(inner.name, name), Fields.first(inner.cluster, cluster), inner.target.orElse(target));
    }
}
