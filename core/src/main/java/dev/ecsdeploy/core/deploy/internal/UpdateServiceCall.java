package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/** The one UpdateService call that starts our deployment, built from the settings kept in the handle. */
final class UpdateServiceCall {
    private final EcsClient ecs;

    UpdateServiceCall(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** Calls UpdateService and returns the PRIMARY deployment it created. */
    Deployment call(DeploymentHandle handle) {
        Service current = ecs.describeServices(r -> r.cluster(handle.cluster()).services(handle.service()))
                .services()
                .get(0);
        UpdateServiceRequest request = UpdateServiceRequest.builder()
                .cluster(handle.cluster())
                .service(handle.service())
                .taskDefinition(handle.newTaskDefinitionArn())
                .desiredCount(handle.desiredCount())
                .forceNewDeployment(handle.forceNewDeployment() ? Boolean.TRUE : null)
                .deploymentConfiguration(configuration(handle, current.deploymentConfiguration()))
                .build();
        Service updated = ecs.updateService(request).service();
        return updated.deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .filter(d -> d.taskDefinition().equals(handle.newTaskDefinitionArn()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "UpdateService returned no PRIMARY deployment of " + handle.newTaskDefinitionArn()));
    }

    /** The service's configuration with our changes; UpdateService replaces it as a whole. */
    static DeploymentConfiguration configuration(DeploymentHandle handle, DeploymentConfiguration current) {
        DeploymentConfiguration.Builder config =
                current == null ? DeploymentConfiguration.builder() : current.toBuilder();
        if (handle.circuitBreaker() != null) {
            config.deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                    .enable(handle.circuitBreaker().enable())
                    .rollback(handle.circuitBreaker().rollback())
                    .build());
        }
        if (handle.alarms() != null) {
            config.alarms(DeploymentAlarms.builder()
                    .alarmNames(handle.alarms().alarmNames())
                    .enable(handle.alarms().enable())
                    .rollback(handle.alarms().rollback())
                    .build());
        }
        DeploymentStrategy strategy = handle.strategy();
        boolean wasManaged =
                current != null && current.strategyAsString() != null && !"ROLLING".equals(current.strategyAsString());
        if (strategy.shiftsTraffic() || wasManaged) {
            config.strategy(strategy.apiName());
        }
        if (strategy instanceof DeploymentStrategy.Canary canary) {
            config.canaryConfiguration(CanaryConfiguration.builder()
                    .canaryPercent(canary.canaryPercent())
                    .canaryBakeTimeInMinutes(canary.canaryBakeTimeInMinutes())
                    .build());
        } else if (strategy instanceof DeploymentStrategy.Linear linear) {
            config.linearConfiguration(LinearConfiguration.builder()
                    .stepPercent(linear.stepPercent())
                    .stepBakeTimeInMinutes(linear.stepBakeTimeInMinutes())
                    .build());
        }
        Integer bake = bakeTime(strategy);
        if (bake != null) {
            config.bakeTimeInMinutes(bake);
        }
        if (!handle.pauseAtStages().isEmpty()) {
            config.lifecycleHooks(PauseHooks.at(handle.pauseAtStages()));
        }
        return config.build();
    }

    static Integer bakeTime(DeploymentStrategy strategy) {
        if (strategy instanceof DeploymentStrategy.Canary canary) {
            return canary.bakeTimeInMinutes();
        }
        if (strategy instanceof DeploymentStrategy.Linear linear) {
            return linear.bakeTimeInMinutes();
        }
        if (strategy instanceof DeploymentStrategy.BlueGreen blueGreen) {
            return blueGreen.bakeTimeInMinutes();
        }
        return null;
    }
}
