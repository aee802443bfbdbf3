package dev.ecsdeploy.core.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a deployment needs. Build one with {@link #builder()}; only cluster, service and the task definition
 * source are required.
 *
 * @param environment the caller's name for the target (e.g. {@code production}), recorded in the result
 * @param edits per-container environment variables and secrets applied to the new task definition
 * @param desiredCount the new desired count, or null to keep it
 * @param circuitBreaker the circuit breaker to set (rolling only), or null to keep the service's
 * @param alarms the CloudWatch alarms to set, or null to keep the service's
 * @param pauseAtStages lifecycle stages where a PAUSE hook waits for a decision (native strategies only)
 * @param timeout how long to follow the deployment, waiting for another one included, before {@code onTimeout}
 *     applies; at most {@link #LONGEST_TIMEOUT}
 * @param whenAnotherDeploymentInProgress wait (the default) or fail when the service is busy
 */
public record DeploymentRequest(
        String environment,
        String cluster,
        String service,
        TaskDefinitionSource source,
        List<ContainerEdit> edits,
        Integer desiredCount,
        boolean forceNewDeployment,
        CircuitBreaker circuitBreaker,
        Alarms alarms,
        DeploymentStrategy strategy,
        List<String> pauseAtStages,
        Duration timeout,
        TimeoutAction onTimeout,
        WhenBusy whenAnotherDeploymentInProgress,
        AbortAction onAbort) {
    public static final Duration DEFAULT_TIMEOUT = dev.ecsdeploy.core.input.Defaults.DEPLOY_TIMEOUT;
    public static final Duration LONGEST_TIMEOUT = dev.ecsdeploy.core.input.Defaults.LONGEST_TIMEOUT;

    public DeploymentRequest {
        requireName("cluster", cluster);
        requireName("service", service);
        if (source == null) {
            throw new InvalidDeploymentException("deployment refused: no task definition source was given");
        }
        environment = environment == null ? "" : environment;
        edits = List.copyOf(edits);
        strategy = strategy == null ? DeploymentStrategy.rolling() : strategy;
        pauseAtStages = List.copyOf(pauseAtStages);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        onTimeout = onTimeout == null ? TimeoutAction.ROLLBACK : onTimeout;
        whenAnotherDeploymentInProgress =
                whenAnotherDeploymentInProgress == null ? WhenBusy.WAIT : whenAnotherDeploymentInProgress;
        onAbort = onAbort == null ? AbortAction.ROLLBACK : onAbort;
        if (desiredCount != null && desiredCount < 0) {
            throw new InvalidDeploymentException("deployment refused: desiredCount must be 0 or more: " + desiredCount);
        }
        if (!pauseAtStages.isEmpty() && !strategy.shiftsTraffic()) {
            throw new InvalidDeploymentException("deployment refused: PAUSE hooks at " + pauseAtStages
                    + " need a CANARY, LINEAR or BLUE_GREEN strategy, not ROLLING");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidDeploymentException("deployment refused: the timeout must be positive: " + timeout);
        }
        if (timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new InvalidDeploymentException("deployment refused: the timeout " + timeout + " is longer than "
                    + LONGEST_TIMEOUT.toDays() + " days");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidDeploymentException("deployment refused: no " + what + " name was given");
        }
    }

    /** What to do when the deployment outlives its timeout. */
    public enum TimeoutAction {
        /** Stop the deployment with rollback (or redeploy the previous task definition), then fail. */
        ROLLBACK,
        /** Leave ECS to carry on, and fail. */
        LEAVE
    }

    /**
     * What to do when another deployment is already in progress on the service (the first deployment of a service
     * just created, the previous pipeline run). The default is {@link #WAIT}.
     */
    public enum WhenBusy {
        /** Refuse before any mutation, with {@link ServiceBusyException}. */
        FAIL,
        /** Wait for it, within the timeout, polling like the rest of the deployment; then deploy. */
        WAIT
    }

    /** What to do when the caller aborts (the build is aborted). */
    public enum AbortAction {
        ROLLBACK,
        LEAVE
    }

    /** An environment variable or secret to set in one container of the new task definition. */
    public record ContainerEdit(String container, Kind kind, String name, String value) {
        public enum Kind {
            ENVIRONMENT,
            SECRET
        }

        public ContainerEdit {
            Objects.requireNonNull(container, "container");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The deployment circuit breaker of a rolling update. */
    public record CircuitBreaker(boolean enable, boolean rollback) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** CloudWatch alarms that fail (and optionally roll back) a deployment. */
    public record Alarms(List<String> alarmNames, boolean enable, boolean rollback) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public Alarms {
            alarmNames = List.copyOf(alarmNames);
        }
    }

    /** Fluent builder; see the record components for the meaning of each setting. */
    public static final class Builder {
        private String environment;
        private String cluster;
        private String service;
        private TaskDefinitionSource source;
        private final List<ContainerEdit> edits = new ArrayList<>();
        private Integer desiredCount;
        private boolean forceNewDeployment;
        private CircuitBreaker circuitBreaker;
        private Alarms alarms;
        private DeploymentStrategy strategy;
        private final List<String> pauseAtStages = new ArrayList<>();
        private Duration timeout;
        private TimeoutAction onTimeout;
        private WhenBusy whenBusy;
        private AbortAction onAbort;

        private Builder() {}

        public Builder environment(String value) {
            environment = value;
            return this;
        }

        public Builder cluster(String value) {
            cluster = value;
            return this;
        }

        public Builder service(String value) {
            service = value;
            return this;
        }

        public Builder source(TaskDefinitionSource value) {
            source = value;
            return this;
        }

        public Builder environmentVariable(String container, String name, String value) {
            edits.add(new ContainerEdit(container, ContainerEdit.Kind.ENVIRONMENT, name, value));
            return this;
        }

        public Builder secret(String container, String name, String valueFrom) {
            edits.add(new ContainerEdit(container, ContainerEdit.Kind.SECRET, name, valueFrom));
            return this;
        }

        public Builder desiredCount(Integer value) {
            desiredCount = value;
            return this;
        }

        public Builder forceNewDeployment(boolean value) {
            forceNewDeployment = value;
            return this;
        }

        public Builder circuitBreaker(boolean enable, boolean rollback) {
            circuitBreaker = new CircuitBreaker(enable, rollback);
            return this;
        }

        public Builder alarms(List<String> names, boolean rollback) {
            alarms = new Alarms(names, true, rollback);
            return this;
        }

        public Builder strategy(DeploymentStrategy value) {
            strategy = value;
            return this;
        }

        public Builder pauseAt(String... stages) {
            pauseAtStages.addAll(List.of(stages));
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder onTimeout(TimeoutAction value) {
            onTimeout = value;
            return this;
        }

        public Builder whenAnotherDeploymentInProgress(WhenBusy value) {
            whenBusy = value;
            return this;
        }

        public Builder onAbort(AbortAction value) {
            onAbort = value;
            return this;
        }

        public DeploymentRequest build() {
            return new DeploymentRequest(
                    environment,
                    cluster,
                    service,
                    source,
                    edits,
                    desiredCount,
                    forceNewDeployment,
                    circuitBreaker,
                    alarms,
                    strategy,
                    pauseAtStages,
                    timeout,
                    onTimeout,
                    whenBusy,
                    onAbort);
        }
    }
}
