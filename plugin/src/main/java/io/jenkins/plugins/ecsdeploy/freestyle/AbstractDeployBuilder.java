package io.jenkins.plugins.ecsdeploy.freestyle;

import io.jenkins.plugins.ecsdeploy.steps.AbstractDeployStep;
import java.util.Map;
import org.kohsuke.stapler.DataBoundSetter;

/** The fields and variables the rolling and canary build steps share, held by their pipeline step. */
public abstract class AbstractDeployBuilder<S extends AbstractDeployStep> extends EcsBuilder<S> {
    protected AbstractDeployBuilder(S step) {
        super(step);
    }

    public String getService() {
        return step().getService();
    }

    public String getCluster() {
        return step().getCluster();
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        step().setCluster(cluster);
    }

    public String getImage() {
        return step().getImage();
    }

    @DataBoundSetter
    public void setImage(String image) {
        step().setImage(image);
    }

    public String getContainers() {
        return step().getContainers();
    }

    @DataBoundSetter
    public void setContainers(String containers) {
        step().setContainers(containers);
    }

    public String getTaskDefinition() {
        return step().getTaskDefinition();
    }

    @DataBoundSetter
    public void setTaskDefinition(String taskDefinition) {
        step().setTaskDefinition(taskDefinition);
    }

    public String getEnvironment() {
        return step().getEnvironment();
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        step().setEnvironment(environment);
    }

    public String getApplication() {
        return step().getApplication();
    }

    @DataBoundSetter
    public void setApplication(String application) {
        step().setApplication(application);
    }

    public Integer getDesiredCount() {
        return step().getDesiredCount();
    }

    @DataBoundSetter
    public void setDesiredCount(Integer desiredCount) {
        step().setDesiredCount(desiredCount);
    }

    public boolean isForceNewDeployment() {
        return step().isForceNewDeployment();
    }

    @DataBoundSetter
    public void setForceNewDeployment(boolean forceNewDeployment) {
        step().setForceNewDeployment(forceNewDeployment);
    }

    public Integer getTimeout() {
        return step().getTimeout();
    }

    @DataBoundSetter
    public void setTimeout(Integer timeout) {
        step().setTimeout(timeout);
    }

    public String getOnTimeout() {
        return step().getOnTimeout();
    }

    @DataBoundSetter
    public void setOnTimeout(String onTimeout) {
        step().setOnTimeout(onTimeout);
    }

    public String getOnAbort() {
        return step().getOnAbort();
    }

    @DataBoundSetter
    public void setOnAbort(String onAbort) {
        step().setOnAbort(onAbort);
    }

    public String getWhenBusy() {
        return step().getWhenBusy();
    }

    @DataBoundSetter
    public void setWhenBusy(String whenBusy) {
        step().setWhenBusy(whenBusy);
    }

    public boolean isWait() {
        return step().isWait();
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        step().setWait(wait);
    }

    public boolean isDryRun() {
        return step().isDryRun();
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        step().setDryRun(dryRun);
    }

    @Override
    protected Map<String, String> variables(S step, Map<String, Object> result) {
        return ResultVariables.deployment(result);
    }
}
