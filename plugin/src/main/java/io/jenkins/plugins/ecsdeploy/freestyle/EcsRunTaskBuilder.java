package io.jenkins.plugins.ecsdeploy.freestyle;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsdeploy.steps.EcsRunTaskStep;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The Freestyle form of {@code ecsRunTask}: the same fields, the same execution; an abort stops the tasks. */
public class EcsRunTaskBuilder extends EcsBuilder<EcsRunTaskStep> {
    @DataBoundConstructor
    public EcsRunTaskBuilder() {
        super(new EcsRunTaskStep());
    }

    public String getCluster() {
        return step().getCluster();
    }

    @DataBoundSetter
    public void setCluster(String cluster) {
        step().setCluster(cluster);
    }

    public String getTaskDefinition() {
        return step().getTaskDefinition();
    }

    @DataBoundSetter
    public void setTaskDefinition(String taskDefinition) {
        step().setTaskDefinition(taskDefinition);
    }

    public String getService() {
        return step().getService();
    }

    @DataBoundSetter
    public void setService(String service) {
        step().setService(service);
    }

    public String getImage() {
        return step().getImage();
    }

    @DataBoundSetter
    public void setImage(String image) {
        step().setImage(image);
    }

    public String getContainer() {
        return step().getContainer();
    }

    @DataBoundSetter
    public void setContainer(String container) {
        step().setContainer(container);
    }

    public String getCommand() {
        return step().getCommand();
    }

    @DataBoundSetter
    public void setCommand(String command) {
        step().setCommand(command);
    }

    public String getEntryPoint() {
        return step().getEntryPoint();
    }

    @DataBoundSetter
    public void setEntryPoint(String entryPoint) {
        step().setEntryPoint(entryPoint);
    }

    public String getEnvironment() {
        return step().getEnvironment();
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        step().setEnvironment(environment);
    }

    public String getCpu() {
        return step().getCpu();
    }

    @DataBoundSetter
    public void setCpu(String cpu) {
        step().setCpu(cpu);
    }

    public String getMemory() {
        return step().getMemory();
    }

    @DataBoundSetter
    public void setMemory(String memory) {
        step().setMemory(memory);
    }

    public String getTaskRoleArn() {
        return step().getTaskRoleArn();
    }

    @DataBoundSetter
    public void setTaskRoleArn(String taskRoleArn) {
        step().setTaskRoleArn(taskRoleArn);
    }

    public String getExecutionRoleArn() {
        return step().getExecutionRoleArn();
    }

    @DataBoundSetter
    public void setExecutionRoleArn(String executionRoleArn) {
        step().setExecutionRoleArn(executionRoleArn);
    }

    public String getSubnets() {
        return step().getSubnets();
    }

    @DataBoundSetter
    public void setSubnets(String subnets) {
        step().setSubnets(subnets);
    }

    public String getSecurityGroups() {
        return step().getSecurityGroups();
    }

    @DataBoundSetter
    public void setSecurityGroups(String securityGroups) {
        step().setSecurityGroups(securityGroups);
    }

    public Boolean getAssignPublicIp() {
        return step().getAssignPublicIp();
    }

    @DataBoundSetter
    public void setAssignPublicIp(Boolean assignPublicIp) {
        step().setAssignPublicIp(assignPublicIp);
    }

    public String getLaunchType() {
        return step().getLaunchType();
    }

    @DataBoundSetter
    public void setLaunchType(String launchType) {
        step().setLaunchType(launchType);
    }

    public String getCapacityProviderStrategy() {
        return step().getCapacityProviderStrategy();
    }

    @DataBoundSetter
    public void setCapacityProviderStrategy(String capacityProviderStrategy) {
        step().setCapacityProviderStrategy(capacityProviderStrategy);
    }

    public String getPlatformVersion() {
        return step().getPlatformVersion();
    }

    @DataBoundSetter
    public void setPlatformVersion(String platformVersion) {
        step().setPlatformVersion(platformVersion);
    }

    public Integer getCount() {
        return step().getCount();
    }

    @DataBoundSetter
    public void setCount(Integer count) {
        step().setCount(count);
    }

    public String getStartedBy() {
        return step().getStartedBy();
    }

    @DataBoundSetter
    public void setStartedBy(String startedBy) {
        step().setStartedBy(startedBy);
    }

    public String getGroup() {
        return step().getGroup();
    }

    @DataBoundSetter
    public void setGroup(String group) {
        step().setGroup(group);
    }

    public Integer getTimeout() {
        return step().getTimeout();
    }

    @DataBoundSetter
    public void setTimeout(Integer timeout) {
        step().setTimeout(timeout);
    }

    public boolean isWait() {
        return step().isWait();
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        step().setWait(wait);
    }

    public boolean isStreamLogs() {
        return step().isStreamLogs();
    }

    @DataBoundSetter
    public void setStreamLogs(boolean streamLogs) {
        step().setStreamLogs(streamLogs);
    }

    @Override
    protected String describe(EcsRunTaskStep step) {
        String what = step.getTaskDefinition() != null
                ? "task definition " + step.getTaskDefinition()
                : "the task definition of service " + step.getService();
        return "task run of " + what;
    }

    @Override
    protected Map<String, String> variables(EcsRunTaskStep step, Map<String, Object> result) {
        return ResultVariables.task(result, step.getContainer());
    }

    /** Registers the build step. */
    @Extension
    public static class DescriptorImpl extends EcsBuilderDescriptor {
        public DescriptorImpl() {
            super(EcsRunTaskBuilder.class);
        }

        @Override
        public String getDisplayName() {
            return "ECS: run a task and wait for its exit code";
        }

        @POST
        public FormValidation doCheckCluster(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().ecsName(item, value, "cluster", false);
        }

        @POST
        public FormValidation doCheckService(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().ecsName(item, value, "service", false);
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return checks().waitMinutes(item, value);
        }
    }
}
