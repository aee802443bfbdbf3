package io.jenkins.plugins.ecsdeploy.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdeploy.core.task.CapacityProviderItem;
import dev.ecsdeploy.core.task.ContainerOverrides;
import dev.ecsdeploy.core.task.NetworkSettings;
import dev.ecsdeploy.core.task.TaskRunHandle;
import dev.ecsdeploy.core.task.TaskRunRequest;
import dev.ecsdeploy.core.task.TaskRunResult;
import dev.ecsdeploy.core.task.WaitMode;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.exec.DecisionSource;
import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code ecsRunTask}: runs a one-off task (a migration, a batch job, a smoke test) from a task definition or a
 * service's, streams its container output into the build log, and fails when an essential container exits
 * non-zero. Restart-safe: the RunTask client token is chosen before the call, so a resumed run never starts a second
 * task.
 */
public class EcsRunTaskStep extends AbstractEcsStep {
    private String cluster;
    private String taskDefinition;
    private String service;
    private String image;
    private String container;
    private String command;
    private String entryPoint;
    private String environment;
    private String cpu;
    private String memory;
    private String taskRoleArn;
    private String executionRoleArn;
    private String subnets;
    private String securityGroups;
    private Boolean assignPublicIp;
    private String launchType;
    private String capacityProviderStrategy;
    private String platformVersion;
    private Integer count;
    private String startedBy;
    private String group;
    private Integer timeout;
    private boolean wait = true;
    private boolean streamLogs = true;

    @DataBoundConstructor
    public EcsRunTaskStep() {}

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

    public String getService() {
        return service;
    }

    @DataBoundSetter
    public void setService(String service) {
        this.service = Fields.trim(service);
    }

    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(String image) {
        this.image = Fields.trim(image);
    }

    public String getContainer() {
        return container;
    }

    @DataBoundSetter
    public void setContainer(String container) {
        this.container = Fields.trim(container);
    }

    public String getCommand() {
        return command;
    }

    @DataBoundSetter
    public void setCommand(String command) {
        this.command = Fields.trim(command);
    }

    public String getEntryPoint() {
        return entryPoint;
    }

    @DataBoundSetter
    public void setEntryPoint(String entryPoint) {
        this.entryPoint = Fields.trim(entryPoint);
    }

    public String getEnvironment() {
        return environment;
    }

    @DataBoundSetter
    public void setEnvironment(String environment) {
        this.environment = Fields.trim(environment);
    }

    public String getCpu() {
        return cpu;
    }

    @DataBoundSetter
    public void setCpu(String cpu) {
        this.cpu = Fields.trim(cpu);
    }

    public String getMemory() {
        return memory;
    }

    @DataBoundSetter
    public void setMemory(String memory) {
        this.memory = Fields.trim(memory);
    }

    public String getTaskRoleArn() {
        return taskRoleArn;
    }

    @DataBoundSetter
    public void setTaskRoleArn(String taskRoleArn) {
        this.taskRoleArn = Fields.trim(taskRoleArn);
    }

    public String getExecutionRoleArn() {
        return executionRoleArn;
    }

    @DataBoundSetter
    public void setExecutionRoleArn(String executionRoleArn) {
        this.executionRoleArn = Fields.trim(executionRoleArn);
    }

    public String getSubnets() {
        return subnets;
    }

    @DataBoundSetter
    public void setSubnets(String subnets) {
        this.subnets = Fields.trim(subnets);
    }

    public String getSecurityGroups() {
        return securityGroups;
    }

    @DataBoundSetter
    public void setSecurityGroups(String securityGroups) {
        this.securityGroups = Fields.trim(securityGroups);
    }

    public Boolean getAssignPublicIp() {
        return assignPublicIp;
    }

    @DataBoundSetter
    public void setAssignPublicIp(Boolean assignPublicIp) {
        this.assignPublicIp = assignPublicIp;
    }

    public String getLaunchType() {
        return launchType;
    }

    @DataBoundSetter
    public void setLaunchType(String launchType) {
        this.launchType = Fields.trim(launchType);
    }

    public String getCapacityProviderStrategy() {
        return capacityProviderStrategy;
    }

    @DataBoundSetter
    public void setCapacityProviderStrategy(String capacityProviderStrategy) {
        this.capacityProviderStrategy = Fields.trim(capacityProviderStrategy);
    }

    public String getPlatformVersion() {
        return platformVersion;
    }

    @DataBoundSetter
    public void setPlatformVersion(String platformVersion) {
        this.platformVersion = Fields.trim(platformVersion);
    }

    public Integer getCount() {
        return count;
    }

    @DataBoundSetter
    public void setCount(Integer count) {
        this.count = count;
    }

    public String getStartedBy() {
        return startedBy;
    }

    @DataBoundSetter
    public void setStartedBy(String startedBy) {
        this.startedBy = Fields.trim(startedBy);
    }

    public String getGroup() {
        return group;
    }

    @DataBoundSetter
    public void setGroup(String group) {
        this.group = Fields.trim(group);
    }

    public Integer getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(Integer timeout) {
        this.timeout = timeout;
    }

    public boolean isWait() {
        return wait;
    }

    @DataBoundSetter
    public void setWait(boolean wait) {
        this.wait = wait;
    }

    public boolean isStreamLogs() {
        return streamLogs;
    }

    @DataBoundSetter
    public void setStreamLogs(boolean streamLogs) {
        this.streamLogs = streamLogs;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        RunTaskSpec spec =
                new RunTaskSpec(target(context), cluster(context, cluster), streamLogs, environmentName(context, null));
        return new DurableOperationExecution<TaskRunRequest, TaskRunHandle, TaskRunResult>(
                context, spec, DecisionSource.NONE, (operation, ctx, log) -> operation.start(request(ctx), log));
    }

    /** Core's request for this step. */
    TaskRunRequest request(StepContext context) throws Exception {
        TaskRunRequest.Builder request = TaskRunRequest.builder().cluster(cluster(context, cluster));
        if (taskDefinition != null) {
            request.taskDefinition(taskDefinition);
        } else if (service != null) {
            request.taskDefinitionOfService(service);
        } else {
            throw new IllegalArgumentException("give taskDefinition (a family, family:revision or ARN) or service");
        }
        if (image != null) {
            request.putContainerImage(requireContainer(), image);
        }
        ContainerOverrides overrides = overrides();
        if (overrides != null) {
            request.overrideContainer(overrides);
        }
        if (!Fields.list(subnets).isEmpty()) {
            request.network(new NetworkSettings(Fields.list(subnets), Fields.list(securityGroups), assignPublicIp));
        } else if (service != null) {
            request.networkOfService(service);
        }
        request.taskCpu(cpu).taskMemory(memory).taskRoleArn(taskRoleArn).executionRoleArn(executionRoleArn);
        request.launchType(launchType).platformVersion(platformVersion).group(group);
        request.startedBy(startedBy == null ? "jenkins" : startedBy);
        capacityProviders().forEach(request::addCapacityProvider);
        if (count != null) {
            request.count(count);
        }
        if (timeout != null) {
            request.timeout(Fields.minutes(timeout, TaskRunRequest.DEFAULT_TIMEOUT));
        }
        if (container != null) {
            request.verdictContainer(container);
        }
        request.waitMode(wait ? WaitMode.UNTIL_STOPPED : WaitMode.UNTIL_RUNNING);
        return request.build();
    }

    private ContainerOverrides overrides() throws Exception {
        if (command == null && entryPoint == null && environment == null) {
            return null;
        }
        ContainerOverrides overrides = ContainerOverrides.of(requireContainer());
        if (command != null) {
            overrides = overrides.withCommand(arguments(command));
        }
        if (entryPoint != null) {
            overrides = overrides.withEntryPoint(arguments(entryPoint));
        }
        if (environment != null) {
            overrides = overrides.withEnvironment(variables(environment));
        }
        return overrides;
    }

    /** The container named, or core's stand-in for the one it applies to, chosen as ecsDeploy chooses. */
    private String requireContainer() {
        return container == null ? TaskRunRequest.MATCHING_CONTAINER : container;
    }

    /** A JSON array (exact arguments) or words separated by blanks. */
    static List<String> arguments(String value) throws Exception {
        String trimmed = value.trim();
        if (trimmed.startsWith("[")) {
            return Arrays.asList(new ObjectMapper().readValue(trimmed, String[].class));
        }
        return Arrays.stream(trimmed.split("\\s+")).toList();
    }

    /** {@code NAME=value} lines (or comma-separated pairs). */
    static Map<String, String> variables(String value) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : value.split("[\\n,]")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                variables.put(
                        line.substring(0, equals).trim(),
                        line.substring(equals + 1).trim());
            }
        }
        return variables;
    }

    private List<CapacityProviderItem> capacityProviders() {
        return Fields.list(capacityProviderStrategy).stream()
                .map(item -> item.split(":"))
                .map(p -> new CapacityProviderItem(
                        p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1, p.length > 2 ? Integer.parseInt(p[2]) : 0))
                .toList();
    }

    /** Registers the step and names it for Pipeline. */
    @Extension
    @Symbol("ecsRunTask")
    public static class DescriptorImpl extends EcsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "ecsRunTask";
        }

        @Override
        public String getDisplayName() {
            return "Run a one-off ECS task and wait for its exit codes";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
