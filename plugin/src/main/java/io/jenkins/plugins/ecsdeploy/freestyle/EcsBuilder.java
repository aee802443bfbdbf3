package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import io.jenkins.plugins.ecsdeploy.exec.BlockingStepRun;
import io.jenkins.plugins.ecsdeploy.exec.BuildStepContext;
import io.jenkins.plugins.ecsdeploy.steps.AbstractEcsStep;
import java.io.IOException;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A Freestyle build step that is a pipeline step: it keeps the step itself as the holder of its fields (so names,
 * defaults and normalization are the step's), and runs the step's own execution to its end in the build
 * ({@link BlockingStepRun}). Before it runs, {@code ${VARIABLE}} references in text fields are replaced from the build's
 * environment, as Freestyle users expect; afterwards the step's return value becomes environment variables for the
 * later build steps ({@link EcsBuildVariables}).
 *
 * @param <S> the pipeline step this build step runs
 */
public abstract class EcsBuilder<S extends AbstractEcsStep> extends Builder implements SimpleBuildStep {
    private final S step;

    protected EcsBuilder(S step) {
        this.step = step;
    }

    /** The pipeline step holding this build step's fields. */
    protected final S step() {
        return step;
    }

    public String getRegion() {
        return step().getRegion();
    }

    @DataBoundSetter
    public void setRegion(String region) {
        step().setRegion(region);
    }

    public String getCredentialsId() {
        return step().getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        step().setCredentialsId(credentialsId);
    }

    public String getRoleArn() {
        return step().getRoleArn();
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        step().setRoleArn(roleArn);
    }

    public String getExternalId() {
        return step().getExternalId();
    }

    @DataBoundSetter
    public void setExternalId(String externalId) {
        step().setExternalId(externalId);
    }

    public String getRoleSessionName() {
        return step().getRoleSessionName();
    }

    @DataBoundSetter
    public void setRoleSessionName(String roleSessionName) {
        step().setRoleSessionName(roleSessionName);
    }

    public Integer getRoleSessionDuration() {
        return step().getRoleSessionDuration();
    }

    @DataBoundSetter
    public void setRoleSessionDuration(Integer roleSessionDuration) {
        step().setRoleSessionDuration(roleSessionDuration);
    }

    public String getEndpointUrl() {
        return step().getEndpointUrl();
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        step().setEndpointUrl(endpointUrl);
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        S expanded = StepCopies.expanded(step, env);
        BuildStepContext context = new BuildStepContext(run, workspace, env, launcher, listener);
        Map<String, Object> result = new BlockingStepRun(context, describe(expanded)).run(expanded::start);
        EcsBuildVariables.contribute(run, variables(expanded, result));
    }

    /** What this build step does, for the first log line: {@code ecsDeployRolling: service api}. */
    protected abstract String describe(S step);

    /** The environment variables the step's return value gives later build steps; never a secret. */
    protected abstract Map<String, String> variables(S step, Map<String, Object> result);
}
