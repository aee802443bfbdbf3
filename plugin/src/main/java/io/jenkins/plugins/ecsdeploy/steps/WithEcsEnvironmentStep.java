package io.jenkins.plugins.ecsdeploy.steps;

import hudson.Extension;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code withEcsEnvironment}: a block whose steps take their environment name, cluster, region, credentials, role
 * and endpoint from here unless they set their own. Blocks nest; the inner one wins field by field.
 */
public class WithEcsEnvironmentStep extends AbstractEcsStep {
    private final String name;
    private String cluster;

    @DataBoundConstructor
    public WithEcsEnvironmentStep(String name) {
        this.name = Fields.trim(name);
    }

    public String getName() {
        return name;
    }

    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Fields.trim(cluster);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        EcsEnvironment outer = EcsEnvironment.of(context);
        EcsEnvironment own = new EcsEnvironment(name, cluster, target(context));
        return new Execution(context, outer == null ? own : outer.nest(own));
    }

    /** Runs the body with the environment as a context variable. */
    static final class Execution extends StepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final StepContext context;
        private final EcsEnvironment environment;
        private BodyExecution body;

        Execution(StepContext context, EcsEnvironment environment) {
            super(context);
            this.context = context;
            this.environment = environment;
        }

        @Override
        public boolean start() {
            body = context.newBodyInvoker()
                    .withContext(environment)
                    .withCallback(new Forward())
                    .start();
            return false;
        }

        @Override
        public void stop(Throwable cause) {
            if (body != null) {
                body.cancel(cause);
            } else {
                context.onFailure(cause);
            }
        }

        EcsEnvironment environment() {
            return environment;
        }
    }

    /** Ends the block with the body's result. */
    static final class Forward extends BodyExecutionCallback {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            context.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            context.onFailure(t);
        }
    }

    /** Registers the block step and names it for Pipeline. */
    @Extension
    @Symbol("withEcsEnvironment")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "withEcsEnvironment";
        }

        @Override
        public String getDisplayName() {
            return "Defaults for the ECS steps inside this block";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(TaskListener.class);
        }

        @Override
        public Set<? extends Class<?>> getProvidedContext() {
            return Set.of(EcsEnvironment.class);
        }
    }
}
