package dev.ecsdeploy.core.task;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run and how to follow it: the task definition (a family, {@code family:revision}, an ARN, or the one a
 * service uses), optional image replacements and container overrides, placement and networking, and how long to
 * wait. Build one with {@link #builder()}:
 *
 * <pre>{@code
 * TaskRunRequest request = TaskRunRequest.builder()
 *         .cluster("prod")
 *         .taskDefinition("migrate")
 *         .networkOfService("web")
 *         .overrideContainer(ContainerOverrides.of("app").withCommand(List.of("./migrate", "up")))
 *         .timeout(Duration.ofMinutes(15))
 *         .build();
 * }</pre>
 */
public final class TaskRunRequest implements Serializable {
    private static final long serialVersionUID = 1L;
    /** RunTask starts at most 10 tasks per call. */
    public static final int MAX_COUNT = 10;

    public static final Duration DEFAULT_TIMEOUT = dev.ecsdeploy.core.input.Defaults.RUN_TASK_TIMEOUT;

    /**
     * Stands for "the container this applies to" where an image or overrides name no container: the task
     * definition's only container, or the one whose image has the same repository as the image given (the rule
     * {@code deploy} uses). It is resolved before anything is registered or started; when no single container fits,
     * the run is refused with {@link ContainerChoiceException}. ECS container names cannot contain {@code *}.
     */
    public static final String MATCHING_CONTAINER = "*";

    private final String cluster;
    private final String taskDefinition;
    private final String taskDefinitionOfService;
    private final Map<String, String> containerImages;
    private final List<ContainerOverrides> containerOverrides;
    private final String taskCpu;
    private final String taskMemory;
    private final String taskRoleArn;
    private final String executionRoleArn;
    private final String launchType;
    private final List<CapacityProviderItem> capacityProviderStrategy;
    private final NetworkSettings network;
    private final String networkOfService;
    private final String platformVersion;
    private final int count;
    private final String group;
    private final String startedBy;
    private final Map<String, String> tags;
    private final String propagateTags;
    private final Boolean enableExecuteCommand;
    private final WaitMode waitMode;
    private final Duration timeout;
    private final String verdictContainer;
    private final String clientToken;

    private TaskRunRequest(Builder b) {
        this.cluster = b.cluster;
        this.taskDefinition = b.taskDefinition;
        this.taskDefinitionOfService = b.taskDefinitionOfService;
        this.containerImages = ordered(b.containerImages);
        this.containerOverrides = List.copyOf(b.containerOverrides);
        this.taskCpu = b.taskCpu;
        this.taskMemory = b.taskMemory;
        this.taskRoleArn = b.taskRoleArn;
        this.executionRoleArn = b.executionRoleArn;
        this.launchType = b.launchType;
        this.capacityProviderStrategy = List.copyOf(b.capacityProviderStrategy);
        this.network = b.network;
        this.networkOfService = b.networkOfService;
        this.platformVersion = b.platformVersion;
        this.count = b.count;
        this.group = b.group;
        this.startedBy = b.startedBy;
        this.tags = ordered(b.tags);
        this.propagateTags = b.propagateTags;
        this.enableExecuteCommand = b.enableExecuteCommand;
        this.waitMode = b.waitMode;
        this.timeout = b.timeout;
        this.verdictContainer = b.verdictContainer;
        this.clientToken = b.clientToken;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The cluster name or ARN ({@code default} when not set). */
    public String cluster() {
        return cluster;
    }

    /** A family, {@code family:revision} or task definition ARN; {@code null} when a service names it. */
    public String taskDefinition() {
        return taskDefinition;
    }

    /** The service whose current task definition to run, {@code null} when {@link #taskDefinition()} is set. */
    public String taskDefinitionOfService() {
        return taskDefinitionOfService;
    }

    /** Images to run instead of the task definition's, by container name; a derived revision is registered. */
    public Map<String, String> containerImages() {
        return containerImages;
    }

    public List<ContainerOverrides> containerOverrides() {
        return containerOverrides;
    }

    public String taskCpu() {
        return taskCpu;
    }

    public String taskMemory() {
        return taskMemory;
    }

    public String taskRoleArn() {
        return taskRoleArn;
    }

    public String executionRoleArn() {
        return executionRoleArn;
    }

    /** {@code FARGATE}, {@code EC2}, {@code EXTERNAL}, or {@code null} for the cluster default. */
    public String launchType() {
        return launchType;
    }

    public List<CapacityProviderItem> capacityProviderStrategy() {
        return capacityProviderStrategy;
    }

    /** The explicit awsvpc network configuration, {@code null} when copied from a service or not needed. */
    public NetworkSettings network() {
        return network;
    }

    /** The service whose network configuration to copy, {@code null} for none. */
    public String networkOfService() {
        return networkOfService;
    }

    public String platformVersion() {
        return platformVersion;
    }

    /** How many tasks to start, 1 to 10. */
    public int count() {
        return count;
    }

    public String group() {
        return group;
    }

    /** Recorded on the task as {@code startedBy} ({@code ecs-deploy} when not set). */
    public String startedBy() {
        return startedBy;
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** {@code TASK_DEFINITION}, {@code SERVICE} or {@code NONE}; {@code null} for the ECS default. */
    public String propagateTags() {
        return propagateTags;
    }

    public Boolean enableExecuteCommand() {
        return enableExecuteCommand;
    }

    public WaitMode waitMode() {
        return waitMode;
    }

    /** How long to follow the run before stopping its tasks; counted from RunTask. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The container whose exit code decides the verdict; {@code null} (the default) means every essential
     * container.
     */
    public String verdictContainer() {
        return verdictContainer;
    }

    /** The RunTask idempotency token to use; {@code null} lets the runner choose one. */
    public String clientToken() {
        return clientToken;
    }

    @Override
    public String toString() {
        return "TaskRunRequest[cluster=" + cluster + ", taskDefinition=" + taskDefinition
                + ", taskDefinitionOfService=" + taskDefinitionOfService + ", containerImages=" + containerImages
                + ", containerOverrides=" + containerOverrides + ", taskCpu=" + taskCpu + ", taskMemory="
                + taskMemory + ", taskRoleArn=" + taskRoleArn + ", executionRoleArn=" + executionRoleArn
                + ", launchType=" + launchType + ", capacityProviderStrategy=" + capacityProviderStrategy
                + ", network=" + network + ", networkOfService=" + networkOfService + ", platformVersion="
                + platformVersion + ", count=" + count + ", group=" + group + ", startedBy=" + startedBy
                + ", tags=" + tags.keySet() + ", propagateTags=" + propagateTags + ", enableExecuteCommand="
                + enableExecuteCommand + ", waitMode=" + waitMode + ", timeout=" + timeout
                + ", verdictContainer=" + verdictContainer + ", clientToken=" + clientToken + "]";
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Collects the settings of a {@link TaskRunRequest}. */
    public static final class Builder {
        private String cluster = "default";
        private String taskDefinition;
        private String taskDefinitionOfService;
        private final Map<String, String> containerImages = new LinkedHashMap<>();
        private final List<ContainerOverrides> containerOverrides = new ArrayList<>();
        private String taskCpu;
        private String taskMemory;
        private String taskRoleArn;
        private String executionRoleArn;
        private String launchType;
        private final List<CapacityProviderItem> capacityProviderStrategy = new ArrayList<>();
        private NetworkSettings network;
        private String networkOfService;
        private String platformVersion;
        private int count = 1;
        private String group;
        private String startedBy = "ecs-deploy";
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String propagateTags;
        private Boolean enableExecuteCommand;
        private WaitMode waitMode = WaitMode.UNTIL_STOPPED;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String verdictContainer;
        private String clientToken;

        private Builder() {}

        private Builder(TaskRunRequest r) {
            cluster = r.cluster;
            taskDefinition = r.taskDefinition;
            taskDefinitionOfService = r.taskDefinitionOfService;
            containerImages.putAll(r.containerImages);
            containerOverrides.addAll(r.containerOverrides);
            taskCpu = r.taskCpu;
            taskMemory = r.taskMemory;
            taskRoleArn = r.taskRoleArn;
            executionRoleArn = r.executionRoleArn;
            launchType = r.launchType;
            capacityProviderStrategy.addAll(r.capacityProviderStrategy);
            network = r.network;
            networkOfService = r.networkOfService;
            platformVersion = r.platformVersion;
            count = r.count;
            group = r.group;
            startedBy = r.startedBy;
            tags.putAll(r.tags);
            propagateTags = r.propagateTags;
            enableExecuteCommand = r.enableExecuteCommand;
            waitMode = r.waitMode;
            timeout = r.timeout;
            verdictContainer = r.verdictContainer;
            clientToken = r.clientToken;
        }

        public Builder cluster(String cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            return this;
        }

        public Builder taskDefinition(String taskDefinition) {
            this.taskDefinition = taskDefinition;
            return this;
        }

        public Builder taskDefinitionOfService(String service) {
            this.taskDefinitionOfService = service;
            return this;
        }

        public Builder containerImages(Map<String, String> images) {
            containerImages.clear();
            containerImages.putAll(images);
            return this;
        }

        public Builder putContainerImage(String container, String image) {
            containerImages.put(container, image);
            return this;
        }

        public Builder containerOverrides(List<ContainerOverrides> overrides) {
            containerOverrides.clear();
            containerOverrides.addAll(overrides);
            return this;
        }

        public Builder overrideContainer(ContainerOverrides overrides) {
            containerOverrides.add(overrides);
            return this;
        }

        public Builder taskCpu(String cpu) {
            this.taskCpu = cpu;
            return this;
        }

        public Builder taskMemory(String memory) {
            this.taskMemory = memory;
            return this;
        }

        public Builder taskRoleArn(String arn) {
            this.taskRoleArn = arn;
            return this;
        }

        public Builder executionRoleArn(String arn) {
            this.executionRoleArn = arn;
            return this;
        }

        public Builder launchType(String launchType) {
            this.launchType = launchType;
            return this;
        }

        public Builder capacityProviderStrategy(List<CapacityProviderItem> strategy) {
            capacityProviderStrategy.clear();
            capacityProviderStrategy.addAll(strategy);
            return this;
        }

        public Builder addCapacityProvider(CapacityProviderItem item) {
            capacityProviderStrategy.add(item);
            return this;
        }

        public Builder network(NetworkSettings network) {
            this.network = network;
            return this;
        }

        public Builder networkOfService(String service) {
            this.networkOfService = service;
            return this;
        }

        public Builder platformVersion(String platformVersion) {
            this.platformVersion = platformVersion;
            return this;
        }

        public Builder count(int count) {
            this.count = count;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public Builder startedBy(String startedBy) {
            this.startedBy = startedBy;
            return this;
        }

        public Builder tags(Map<String, String> newTags) {
            tags.clear();
            tags.putAll(newTags);
            return this;
        }

        public Builder putTag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        public Builder propagateTags(String propagateTags) {
            this.propagateTags = propagateTags;
            return this;
        }

        public Builder enableExecuteCommand(Boolean enable) {
            this.enableExecuteCommand = enable;
            return this;
        }

        public Builder waitMode(WaitMode waitMode) {
            this.waitMode = Objects.requireNonNull(waitMode, "waitMode");
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder verdictContainer(String container) {
            this.verdictContainer = container;
            return this;
        }

        public Builder clientToken(String clientToken) {
            this.clientToken = clientToken;
            return this;
        }

        public TaskRunRequest build() {
            return new TaskRunRequest(this);
        }
    }
}
