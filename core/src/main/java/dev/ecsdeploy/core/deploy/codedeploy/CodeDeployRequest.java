package dev.ecsdeploy.core.deploy.codedeploy;

import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CodeDeploy blue/green deployment of an ECS service. The task definition, the timeout and what to do on abort or
 * timeout come from {@code deployment}; its strategy, desired count, circuit breaker, alarms and PAUSE stages do not
 * apply (CodeDeploy's deployment group decides those) and are refused when set.
 *
 * @param application the CodeDeploy application, or null to find the deployment group that names the service
 * @param deploymentGroup the deployment group, or null to find it
 * @param deploymentConfigName e.g. {@code CodeDeployDefault.ECSCanary10Percent5Minutes}, or null for the group's
 * @param containerName the AppSpec's LoadBalancerInfo.ContainerName, or null for the service's load balancer's
 * @param containerPort the AppSpec's LoadBalancerInfo.ContainerPort, or null for the service's load balancer's
 * @param hooks AppSpec lifecycle hooks: event (BeforeInstall, AfterInstall, AfterAllowTestTraffic,
 *     BeforeAllowTraffic, AfterAllowTraffic) → Lambda function name or ARN
 */
public record CodeDeployRequest(
        DeploymentRequest deployment,
        String application,
        String deploymentGroup,
        String deploymentConfigName,
        String containerName,
        Integer containerPort,
        Map<String, String> hooks) {
    public static final List<String> HOOK_EVENTS = List.of(
            "BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AfterAllowTraffic");

    public CodeDeployRequest {
        if (deployment == null) {
            throw new InvalidDeploymentException("deployment refused: no deployment request was given");
        }
        hooks = Map.copyOf(hooks == null ? Map.of() : hooks);
        hooks.keySet().stream()
                .filter(event -> !HOOK_EVENTS.contains(event))
                .findFirst()
                .ifPresent(event -> {
                    throw new InvalidDeploymentException(
                            "deployment refused: " + event + " is not an ECS AppSpec hook; use one of " + HOOK_EVENTS);
                });
        if ((application == null) != (deploymentGroup == null)) {
            throw new InvalidDeploymentException("deployment refused: give both the CodeDeploy application and"
                    + " the deployment group, or neither to find them from the service");
        }
        if (!deployment.strategy().apiName().equals("ROLLING")
                || !deployment.pauseAtStages().isEmpty()
                || deployment.desiredCount() != null
                || deployment.circuitBreaker() != null
                || deployment.alarms() != null
                || deployment.forceNewDeployment()) {
            throw new InvalidDeploymentException("deployment refused: a CodeDeploy deployment takes its traffic"
                    + " shifting, alarms and rollback settings from the deployment group and the deployment config;"
                    + " do not set a strategy, PAUSE stages, desiredCount, circuit breaker, alarms or"
                    + " forceNewDeployment");
        }
        if (containerPort != null && (containerPort < 1 || containerPort > 65535)) {
            throw new InvalidDeploymentException(
                    "deployment refused: containerPort must be 1 to 65535: " + containerPort);
        }
    }

    public static Builder builder(DeploymentRequest deployment) {
        return new Builder(deployment);
    }

    /** Builds a request; only the deployment request is required. */
    public static final class Builder {
        private final DeploymentRequest deployment;
        private String application;
        private String deploymentGroup;
        private String deploymentConfigName;
        private String containerName;
        private Integer containerPort;
        private final Map<String, String> hooks = new LinkedHashMap<>();

        private Builder(DeploymentRequest deployment) {
            this.deployment = deployment;
        }

        public Builder deploymentGroup(String application, String deploymentGroup) {
            this.application = application;
            this.deploymentGroup = deploymentGroup;
            return this;
        }

        public Builder deploymentConfigName(String name) {
            this.deploymentConfigName = name;
            return this;
        }

        public Builder container(String name, Integer port) {
            this.containerName = name;
            this.containerPort = port;
            return this;
        }

        public Builder hook(String event, String function) {
            hooks.put(event, function);
            return this;
        }

        public CodeDeployRequest build() {
            return new CodeDeployRequest(
                    deployment,
                    application,
                    deploymentGroup,
                    deploymentConfigName,
                    containerName,
                    containerPort,
                    hooks);
        }
    }
}
