package dev.ecsdeploy.core.internal;

import dev.ecsdeploy.core.deploy.DeploymentStrategy;
import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import java.util.List;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;

/** Reads a service and answers the questions asked before any mutation. */
final class ServiceInspector {
    private final EcsClient ecs;

    ServiceInspector(EcsClient ecs) {
        this.ecs = ecs;
    }

    /** The service, or a clear error when the cluster or the service does not exist. */
    Service describe(String cluster, String service) {
        DescribeServicesResponse response;
        try {
            response = ecs.describeServices(r -> r.cluster(cluster).services(service));
        } catch (ClusterNotFoundException e) {
            throw new InvalidDeploymentException("deployment refused: cluster " + cluster + " not found", e);
        }
        if (response.services().isEmpty()) {
            String reason = response.failures().isEmpty()
                    ? "MISSING"
                    : response.failures().get(0).reason();
            throw new InvalidDeploymentException("deployment refused: service " + service + " not found in cluster "
                    + cluster + " (" + reason + ")");
        }
        return response.services().get(0);
    }

    /** Refuses services that ECS does not let UpdateService deploy, and services that are going away. */
    static void requireDeployable(Service service) {
        if (!"ACTIVE".equals(service.status())) {
            throw new InvalidDeploymentException(
                    "deployment refused: service " + service.serviceName() + " is " + service.status());
        }
        String controller = service.deploymentController() == null
                ? "ECS"
                : service.deploymentController().typeAsString();
        if ("CODE_DEPLOY".equals(controller) || "EXTERNAL".equals(controller)) {
            throw new InvalidDeploymentException("deployment refused: service " + service.serviceName()
                    + " uses the " + controller + " deployment controller, which ecs-deploy does not drive;"
                    + " use ECS native blue/green instead (deploymentController ECS with strategy BLUE_GREEN,"
                    + " see \"Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green deployments\")");
        }
    }

    /** Managed traffic shifting needs a load balancer with advancedConfiguration or Service Connect. */
    static void requireTrafficShifting(Service service, DeploymentStrategy strategy) {
        if (!strategy.shiftsTraffic()) {
            return;
        }
        boolean loadBalancer = service.loadBalancers().stream().anyMatch(lb -> lb.advancedConfiguration() != null);
        boolean serviceConnect = service.deployments().stream()
                .anyMatch(d -> d.serviceConnectConfiguration() != null
                        && Boolean.TRUE.equals(d.serviceConnectConfiguration().enabled()));
        if (!loadBalancer && !serviceConnect) {
            String lbState = service.loadBalancers().isEmpty()
                    ? "has no load balancer"
                    : "has a load balancer without advancedConfiguration (alternateTargetGroupArn,"
                            + " productionListenerRule, roleArn)";
            throw new InvalidDeploymentException("deployment refused: a " + strategy.apiName()
                    + " deployment needs managed traffic shifting, but service " + service.serviceName() + " "
                    + lbState + " and does not use Service Connect");
        }
    }

    /** Deployments other than the settled PRIMARY one: a rollout in progress. */
    static List<Deployment> inProgress(Service service) {
        return service.deployments().stream()
                .filter(d -> !"PRIMARY".equals(d.status()) || "IN_PROGRESS".equals(d.rolloutStateAsString()))
                .toList();
    }
}
