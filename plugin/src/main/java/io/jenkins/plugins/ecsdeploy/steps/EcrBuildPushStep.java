package io.jenkins.plugins.ecsdeploy.steps;

import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.operation.OperationStatus;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.ShortCallExecution;
import io.jenkins.plugins.ecsdeploy.exec.StepServices;
import io.jenkins.plugins.ecsdeploy.history.BuildRecording;
import io.jenkins.plugins.ecsdeploy.history.DeploymentsBuildAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code ecrBuildPush}: builds an image on the agent that holds the workspace (docker, podman, buildah or Jib),
 * pushes it to ECR under every tag, optionally waits for the scan and gates on it, and returns the image pinned by
 * digest.
 */
public class EcrBuildPushStep extends AbstractEcsStep {
    private final String repository;
    private String context;
    private String dockerfile;
    private String tags;
    private String buildArgs;
    private String target;
    private String platforms;
    private String labels;
    private String revision;
    private String cacheFrom;
    private String cacheTo;
    private String builder;
    private String secrets;
    private String scanThresholds;
    private String allowList;
    private Integer scanTimeout;
    private String scanTimeoutAction;
    private boolean noCache;
    private boolean pull;
    private boolean createRepository;
    private Boolean scanOnPush;
    private Boolean immutableTags;
    private String encryption;
    private String kmsKey;
    private String lifecyclePolicy;
    private boolean scan;

    @DataBoundConstructor
    public EcrBuildPushStep(String repository) {
        this.repository = Fields.trim(repository);
    }

    public String getRepository() {
        return repository;
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = Fields.trim(context);
    }

    public String getDockerfile() {
        return dockerfile;
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        this.dockerfile = Fields.trim(dockerfile);
    }

    public String getTags() {
        return tags;
    }

    @DataBoundSetter
    public void setTags(String tags) {
        this.tags = Fields.trim(tags);
    }

    public String getBuildArgs() {
        return buildArgs;
    }

    @DataBoundSetter
    public void setBuildArgs(String buildArgs) {
        this.buildArgs = Fields.trim(buildArgs);
    }

    public String getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(String target) {
        this.target = Fields.trim(target);
    }

    public String getPlatforms() {
        return platforms;
    }

    @DataBoundSetter
    public void setPlatforms(String platforms) {
        this.platforms = Fields.trim(platforms);
    }

    public String getLabels() {
        return labels;
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        this.labels = Fields.trim(labels);
    }

    public String getRevision() {
        return revision;
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        this.revision = Fields.trim(revision);
    }

    public String getCacheFrom() {
        return cacheFrom;
    }

    @DataBoundSetter
    public void setCacheFrom(String cacheFrom) {
        this.cacheFrom = Fields.trim(cacheFrom);
    }

    public String getCacheTo() {
        return cacheTo;
    }

    @DataBoundSetter
    public void setCacheTo(String cacheTo) {
        this.cacheTo = Fields.trim(cacheTo);
    }

    public String getBuilder() {
        return builder;
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        this.builder = Fields.trim(builder);
    }

    public String getSecrets() {
        return secrets;
    }

    @DataBoundSetter
    public void setSecrets(String secrets) {
        this.secrets = Fields.trim(secrets);
    }

    public String getScanThresholds() {
        return scanThresholds;
    }

    @DataBoundSetter
    public void setScanThresholds(String scanThresholds) {
        this.scanThresholds = Fields.trim(scanThresholds);
    }

    public String getAllowList() {
        return allowList;
    }

    @DataBoundSetter
    public void setAllowList(String allowList) {
        this.allowList = Fields.trim(allowList);
    }

    public Integer getScanTimeout() {
        return scanTimeout;
    }

    @DataBoundSetter
    public void setScanTimeout(Integer scanTimeout) {
        this.scanTimeout = scanTimeout;
    }

    public String getScanTimeoutAction() {
        return scanTimeoutAction;
    }

    @DataBoundSetter
    public void setScanTimeoutAction(String scanTimeoutAction) {
        this.scanTimeoutAction = Fields.trim(scanTimeoutAction);
    }

    public boolean isNoCache() {
        return noCache;
    }

    @DataBoundSetter
    public void setNoCache(boolean noCache) {
        this.noCache = noCache;
    }

    public boolean isPull() {
        return pull;
    }

    @DataBoundSetter
    public void setPull(boolean pull) {
        this.pull = pull;
    }

    public boolean isCreateRepository() {
        return createRepository;
    }

    @DataBoundSetter
    public void setCreateRepository(boolean createRepository) {
        this.createRepository = createRepository;
    }

    public Boolean getScanOnPush() {
        return scanOnPush;
    }

    @DataBoundSetter
    public void setScanOnPush(Boolean scanOnPush) {
        this.scanOnPush = scanOnPush;
    }

    public Boolean getImmutableTags() {
        return immutableTags;
    }

    @DataBoundSetter
    public void setImmutableTags(Boolean immutableTags) {
        this.immutableTags = immutableTags;
    }

    public String getEncryption() {
        return encryption;
    }

    @DataBoundSetter
    public void setEncryption(String encryption) {
        this.encryption = Fields.trim(encryption);
    }

    public String getKmsKey() {
        return kmsKey;
    }

    @DataBoundSetter
    public void setKmsKey(String kmsKey) {
        this.kmsKey = Fields.trim(kmsKey);
    }

    public String getLifecyclePolicy() {
        return lifecyclePolicy;
    }

    @DataBoundSetter
    public void setLifecyclePolicy(String lifecyclePolicy) {
        this.lifecyclePolicy = Fields.trim(lifecyclePolicy);
    }

    public boolean isScan() {
        return scan;
    }

    @DataBoundSetter
    public void setScan(boolean scan) {
        this.scan = scan;
    }

    /** The settings the agent builds with: everything but the connection, which is resolved on the controller. */
    AgentBuildPush.Settings settings(EnvVars environment) {
        Map<String, String> secretValues = new LinkedHashMap<>();
        Map<String, String> secretVariables = EcsRunTaskStep.variables(secrets == null ? "" : secrets);
        secretVariables.values().forEach(variable -> {
            String value = environment == null ? null : environment.get(variable);
            if (value == null) {
                throw new IllegalArgumentException("build secret variable " + variable
                        + " is not set: bind the credential with withCredentials around ecrBuildPush");
            }
            secretValues.put(variable, value);
        });
        return new AgentBuildPush.Settings(
                repository,
                context == null ? "." : context,
                dockerfile,
                Fields.list(tags),
                EcsRunTaskStep.variables(buildArgs == null ? "" : buildArgs),
                target,
                Fields.list(platforms),
                EcsRunTaskStep.variables(labels == null ? "" : labels),
                Fields.list(cacheFrom),
                Fields.list(cacheTo),
                noCache,
                pull,
                builder,
                secretVariables,
                secretValues,
                createRepository,
                scanOnPush,
                immutableTags,
                encryption,
                kmsKey,
                lifecyclePolicy,
                scan || scanThresholds != null,
                scanThresholds,
                Fields.list(allowList),
                scanTimeout,
                scanTimeoutAction,
                revision != null || environment == null ? revision : Fields.trim(environment.get("GIT_COMMIT")));
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        var target = target(context);
        return new ShortCallExecution(context, "image build of " + repository, ctx -> {
            StepServices services = StepServices.current();
            AwsConnection connection = services.connect(ctx, target);
            FilePath workspace = Workspace.workspace(ctx);
            TaskListener listener = ctx.get(TaskListener.class);
            AgentBuildPush.Settings settings = settings(ctx.get(EnvVars.class));
            AgentBuildPush build = new AgentBuildPush(
                    settings, AgentBuildPush.Access.snapshot(connection), workspace.getRemote(), listener);
            BuildRecording recording =
                    ShortCallExecution.recording(ctx, connection.region().id());
            ImageRecords records = new ImageRecords();
            StartedOperation started = recording.started(
                    records, new ImageRecords.Asked(repository, settings.tags(), settings.revision()));
            AgentBuildPush.Outcome outcome;
            try {
                outcome = workspace.act(build);
            } catch (Exception e) {
                recording.ended(started, OperationStatus.FAILED, String.valueOf(e.getMessage()));
                throw e;
            }
            recording.finished(records, started, outcome);
            markUnchanged(ctx, outcome);
            Map<String, Object> result = outcome.resultOrGateFailure();
            if ("UNSTABLE".equals(result.get("scanVerdict"))) {
                ctx.setResult(Result.UNSTABLE);
            }
            return result;
        });
    }

    /** Tells the build page that the push changed nothing in ECR (the digest was already there). */
    static void markUnchanged(StepContext context, AgentBuildPush.Outcome outcome) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        if (run != null && !outcome.pushed().changed() && run.getAction(DeploymentsBuildAction.class) != null) {
            DeploymentsBuildAction.attachedTo(run)
                    .markUnchanged(outcome.pushed().digest());
        }
    }

    /** Registers the step and names it for Pipeline. */
    @Extension
    @Symbol("ecrBuildPush")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "ecrBuildPush";
        }

        @Override
        public String getDisplayName() {
            return "Build an image on the agent and push it to ECR";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }
    }
}
