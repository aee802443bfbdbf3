package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.AwsTarget;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code ecsRollback}: stops an in-flight deployment with rollback, or redeploys the service's last successful
 * revision (or the named {@code taskDefinition}), then follows the rollback like any deployment.
 */
public class EcsRollbackStep extends AbstractEcsStep {
    private final String service;
    private String cluster;
    private String taskDefinition;
    private String environment;
    private String application;
    private boolean wait = true;
    private boolean toKnownGood;

    @DataBoundConstructor
    public EcsRollbackStep(String service) {
        this.service = Fields.trim(service);
    }

    public String getService() {
        return service;
    }

    public String getCluster() {
        return cluster;
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        this.cluster = Fields.trim(cluster);
    }

    public String getTaskDefinition() {
        return taskDefinition;
    }

    @DataBoundSetter
    public void setTaskDefinition(String taskDefinition) {
        this.taskDefinition = Fields.trim(taskDefinition);
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Fields.trim(environment);
    }

    public String getApplication() {
        return application;
    }

    /** The application the history files the rollback under; null: the primary image's repository name. */
    @DataBoundSetter
    public void setApplication(String application) {
        this.application = Fields.trim(application);
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public boolean isToKnownGood() {
        return toKnownGood;
    }

    /** Rolls back to the task definition of the service's last deployment marked known good. */
    @DataBoundSetter
    public void setToKnownGood(boolean toKnownGood) {
        this.toKnownGood = toKnownGood;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        String clusterName = cluster(context, cluster);
        String environmentName = environmentName(context, environment);
        AwsTarget aws = target(context);
        String revision = taskDefinition;
        if (toKnownGood) {
            if (taskDefinition != null) {
                throw new AbortException("ecsRollback: give either taskDefinition or toKnownGood, not both");
            }
            revision = KnownGoodRevision.of(PluginHistory.get(), aws.region(), clusterName, service);
        }
        String rollbackTo = revision;
        DeploySpec spec = new DeploySpec(aws, clusterName, service, wait, application);
        return new DurableOperationExecution<DeploymentRequest, DeploymentHandle, DeploymentRecord>(
                context,
                spec,
                DecisionSource.NONE,
                (operation, ctx, log) -> DurableOperationExecution.underlying(operation, DeploymentEngine.class)
                        .rollback(environmentName, clusterName, service, rollbackTo));
    }

    /** Registers the step and names it for Pipeline. */
    @Extension
    @Symbol("ecsRollback")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "ecsRollback";
        }

        @Override
        public String getDisplayName() {
            return "Roll an ECS service back to its last successful revision";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
