package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.steps.EcrBuildPushStep;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Freestyle form of {@code ecrBuildPush}: the same fields, the same build on the agent that holds the
 * workspace. Build secrets come from variables bound by the build's credentials bindings.
 */
public class EcrBuildPushBuilder extends EcsBuilder<EcrBuildPushStep> {
    @DataBoundConstructor
    public EcrBuildPushBuilder(String repository) {
        super(new EcrBuildPushStep(repository));
    }

    public String getRepository() {
        return step().getRepository();
    }

    public String getContext() {
        return step().getContext();
    }

    @DataBoundSetter
    public void setContext(String context) {
        step().setContext(context);
    }

    public String getDockerfile() {
        return step().getDockerfile();
    }

    @DataBoundSetter
    public void setDockerfile(String dockerfile) {
        step().setDockerfile(dockerfile);
    }

    public String getTags() {
        return step().getTags();
    }

    @DataBoundSetter
    public void setTags(String tags) {
        step().setTags(tags);
    }

    public String getBuildArgs() {
        return step().getBuildArgs();
    }

    @DataBoundSetter
    public void setBuildArgs(String buildArgs) {
        step().setBuildArgs(buildArgs);
    }

    public String getTarget() {
        return step().getTarget();
    }

    @DataBoundSetter
    public void setTarget(String target) {
        step().setTarget(target);
    }

    public String getPlatforms() {
        return step().getPlatforms();
    }

    @DataBoundSetter
    public void setPlatforms(String platforms) {
        step().setPlatforms(platforms);
    }

    public String getLabels() {
        return step().getLabels();
    }

    @DataBoundSetter
    public void setLabels(String labels) {
        step().setLabels(labels);
    }

    public String getRevision() {
        return step().getRevision();
    }

    @DataBoundSetter
    public void setRevision(String revision) {
        step().setRevision(revision);
    }

    public String getCacheFrom() {
        return step().getCacheFrom();
    }

    @DataBoundSetter
    public void setCacheFrom(String cacheFrom) {
        step().setCacheFrom(cacheFrom);
    }

    public String getCacheTo() {
        return step().getCacheTo();
    }

    @DataBoundSetter
    public void setCacheTo(String cacheTo) {
        step().setCacheTo(cacheTo);
    }

    public String getBuilder() {
        return step().getBuilder();
    }

    @DataBoundSetter
    public void setBuilder(String builder) {
        step().setBuilder(builder);
    }

    public String getSecrets() {
        return step().getSecrets();
    }

    @DataBoundSetter
    public void setSecrets(String secrets) {
        step().setSecrets(secrets);
    }

    public String getScanThresholds() {
        return step().getScanThresholds();
    }

    @DataBoundSetter
    public void setScanThresholds(String scanThresholds) {
        step().setScanThresholds(scanThresholds);
    }

    public String getAllowList() {
        return step().getAllowList();
    }

    @DataBoundSetter
    public void setAllowList(String allowList) {
        step().setAllowList(allowList);
    }

    public Integer getScanTimeout() {
        return step().getScanTimeout();
    }

    @DataBoundSetter
    public void setScanTimeout(Integer scanTimeout) {
        step().setScanTimeout(scanTimeout);
    }

    public String getScanTimeoutAction() {
        return step().getScanTimeoutAction();
    }

    @DataBoundSetter
    public void setScanTimeoutAction(String scanTimeoutAction) {
        step().setScanTimeoutAction(scanTimeoutAction);
    }

    public boolean isNoCache() {
        return step().isNoCache();
    }

    @DataBoundSetter
    public void setNoCache(boolean noCache) {
        step().setNoCache(noCache);
    }

    public boolean isPull() {
        return step().isPull();
    }

    @DataBoundSetter
    public void setPull(boolean pull) {
        step().setPull(pull);
    }

    public boolean isCreateRepository() {
        return step().isCreateRepository();
    }

    @DataBoundSetter
    public void setCreateRepository(boolean createRepository) {
        step().setCreateRepository(createRepository);
    }

    public Boolean getScanOnPush() {
        return step().getScanOnPush();
    }

    @DataBoundSetter
    public void setScanOnPush(Boolean scanOnPush) {
        step().setScanOnPush(scanOnPush);
    }

    public Boolean getImmutableTags() {
        return step().getImmutableTags();
    }

    @DataBoundSetter
    public void setImmutableTags(Boolean immutableTags) {
        step().setImmutableTags(immutableTags);
    }

    public String getEncryption() {
        return step().getEncryption();
    }

    @DataBoundSetter
    public void setEncryption(String encryption) {
        step().setEncryption(encryption);
    }

    public String getKmsKey() {
        return step().getKmsKey();
    }

    @DataBoundSetter
    public void setKmsKey(String kmsKey) {
        step().setKmsKey(kmsKey);
    }

    public String getLifecyclePolicy() {
        return step().getLifecyclePolicy();
    }

    @DataBoundSetter
    public void setLifecyclePolicy(String lifecyclePolicy) {
        step().setLifecyclePolicy(lifecyclePolicy);
    }

    public boolean isScan() {
        return step().isScan();
    }

    @DataBoundSetter
    public void setScan(boolean scan) {
        step().setScan(scan);
    }

    @Override
    protected String describe(EcrBuildPushStep step) {
        return "image build of " + step.getRepository();
    }

    @Override
    protected Map<String, String> variables(EcrBuildPushStep step, Map<String, Object> result) {
        return ResultVariables.image(result);
    }

    /** Registers the build step. */
    @Extension
    public static class DescriptorImpl extends EcsBuilderDescriptor {
        public DescriptorImpl() {
            super(EcrBuildPushBuilder.class);
        }

        @Override
        public String getDisplayName() {
            return "ECR: build an image and push it";
        }

        @POST
        public FormValidation doCheckRepository(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().repository(item, value);
        }

        @POST
        public FormValidation doCheckTags(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().tags(item, value, false);
        }

        @POST
        public FormValidation doCheckScanTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().waitMinutes(item, value);
        }
    }
}
