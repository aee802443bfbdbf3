package dev.ecsdeploy.core.deploy.internal;

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
        if ("CODE_DEPLOY".equals(controller)) {
            throw new InvalidDeploymentException(
                    "deployment refused: service " + service.serviceName()
                            + " uses the CODE_DEPLOY deployment controller, so UpdateService cannot deploy it; deploy it"
                            + " through CodeDeploy (strategy codedeploy: CodeDeployDeployments), or move it to ECS native"
                            + " blue/green (see \"Migrate CodeDeploy blue/green deployments to Amazon ECS blue/green"
                            + " deployments\")",
                    InvalidDeploymentException.Reason.CODE_DEPLOY_CONTROLLER);
        }
        if ("EXTERNAL".equals(controller)) {
            throw new InvalidDeploymentException("deployment refused: service " + service.serviceName()
                    + " uses the EXTERNAL deployment controller, which ecs-deploy does not drive;"
                    + " use ECS native blue/green instead (deploymentController ECS with strategy BLUE_GREEN)");
        }
    }

    /** Refuses services that are going away or that CodeDeploy does not deploy (any controller but CODE_DEPLOY). */
    static void requireCodeDeploy(Service service) {
        if (!"ACTIVE".equals(service.status())) {
            throw new InvalidDeploymentException(
                    "deployment refused: service " + service.serviceName() + " is " + service.status());
        }
        String controller = service.deploymentController() == null
                ? "ECS"
                : service.deploymentController().typeAsString();
        if (!"CODE_DEPLOY".equals(controller)) {
            throw new InvalidDeploymentException("deployment refused: service " + service.serviceName() + " uses the "
                    + controller + " deployment controller, not CODE_DEPLOY; deploy it with the rolling or native"
                    + " strategies instead of CodeDeploy");
        }
    }

    /**
     * Managed traffic shifting needs every load balancer to carry a complete advancedConfiguration, or Service Connect
     * or VPC Lattice. CANARY and LINEAR cannot run without it; BLUE_GREEN can (a headless service), but then ECS shifts
     * no traffic, which the returned warning says.
     */
    static java.util.Optional<String> requireTrafficShifting(Service service, DeploymentStrategy strategy) {
        if (!strategy.shiftsTraffic()) {
            return java.util.Optional.empty();
        }
        for (var loadBalancer : service.loadBalancers()) {
            var advanced = loadBalancer.advancedConfiguration();
            if (advanced == null
                    || blank(advanced.alternateTargetGroupArn())
                    || blank(advanced.productionListenerRule())
                    || blank(advanced.roleArn())) {
                throw new InvalidDeploymentException("deployment refused: a " + strategy.apiName()
                        + " deployment needs managed traffic shifting, but the load balancer of target group "
                        + loadBalancer.targetGroupArn() + " of service " + service.serviceName()
                        + " has no complete advancedConfiguration (alternateTargetGroupArn, productionListenerRule,"
                        + " roleArn)");
            }
        }
        boolean serviceConnect = service.deployments().stream()
                .anyMatch(d -> d.serviceConnectConfiguration() != null
                        && Boolean.TRUE.equals(d.serviceConnectConfiguration().enabled()));
        boolean lattice = service.deployments().stream()
                .anyMatch(d -> d.hasVpcLatticeConfigurations()
                        && !d.vpcLatticeConfigurations().isEmpty());
        if (!service.loadBalancers().isEmpty() || serviceConnect || lattice) {
            return java.util.Optional.empty();
        }
        if (strategy instanceof DeploymentStrategy.BlueGreen) {
            return java.util.Optional.of("service " + service.serviceName() + " has no load balancer, Service Connect"
                    + " or VPC Lattice: ECS replaces the tasks blue/green but shifts no traffic");
        }
        throw new InvalidDeploymentException("deployment refused: a " + strategy.apiName()
                + " deployment needs managed traffic shifting, but service " + service.serviceName()
                + " has no load balancer and does not use Service Connect or VPC Lattice");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Deployments other than the settled PRIMARY one: a rollout in progress. */
    /** One PRIMARY deployment, its rollout complete and every desired task running: nothing is in flight. */
    static boolean isSettled(Service service) {
        if (service.deployments().size() != 1) {
            return false;
        }
        Deployment primary = service.deployments().get(0);
        String rollout = primary.rolloutStateAsString();
        return "PRIMARY".equals(primary.status())
                && (rollout == null || "COMPLETED".equals(rollout))
                && service.runningCount() != null
                && service.runningCount().equals(service.desiredCount());
    }

    static List<Deployment> inProgress(Service service) {
        return service.deployments().stream()
                .filter(d -> !"PRIMARY".equals(d.status()) || "IN_PROGRESS".equals(d.rolloutStateAsString()))
                .toList();
    }
}
