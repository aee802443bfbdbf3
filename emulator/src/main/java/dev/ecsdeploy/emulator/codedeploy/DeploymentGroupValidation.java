package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/** What CreateDeploymentGroup checks for the ECS compute platform before it stores a group. */
final class DeploymentGroupValidation {
    private DeploymentGroupValidation() {}

    static void validate(JsonNode application, JsonNode input, Collection<DeploymentGroup> existing) {
        if (!application.path("computePlatform").asText().equals("ECS")) {
            return;
        }
        JsonNode style = input.path("deploymentStyle");
        if (!style.path("deploymentType").asText("").equals("BLUE_GREEN")
                || !style.path("deploymentOption").asText("").equals("WITH_TRAFFIC_CONTROL")) {
            throw CodeDeployErrors.of(
                    "InvalidDeploymentStyleException",
                    "An ECS deployment group needs" + " deploymentStyle BLUE_GREEN with WITH_TRAFFIC_CONTROL.");
        }
        JsonNode services = input.path("ecsServices");
        if (services.size() != 1
                || services.get(0).path("serviceName").asText("").isEmpty()
                || services.get(0).path("clusterName").asText("").isEmpty()) {
            throw CodeDeployErrors.of(
                    "InvalidEcsServiceException",
                    "An ECS deployment group needs exactly one"
                            + " ecsServices entry with serviceName and clusterName.");
        }
        for (DeploymentGroup group : existing) {
            if (group.info.path("ecsServices").equals(services)) {
                throw CodeDeployErrors.of(
                        "EcsServiceMappingLimitExceededException",
                        "The ECS service "
                                + services.get(0).path("serviceName").asText() + " is already in deployment group "
                                + group.name());
            }
        }
        JsonNode pairs = input.path("loadBalancerInfo").path("targetGroupPairInfoList");
        if (pairs.size() != 1
                || pairs.get(0).path("targetGroups").size() != 2
                || pairs.get(0).path("prodTrafficRoute").path("listenerArns").isEmpty()) {
            throw CodeDeployErrors.of(
                    "InvalidTargetGroupPairException",
                    "An ECS deployment group needs one target"
                            + " group pair with two target groups and a production listener.");
        }
        if (!input.path("blueGreenDeploymentConfiguration").has("terminateBlueInstancesOnDeploymentSuccess")) {
            throw CodeDeployErrors.of(
                    "InvalidBlueGreenDeploymentConfigurationException",
                    "An ECS deployment group"
                            + " needs blueGreenDeploymentConfiguration.terminateBlueInstancesOnDeploymentSuccess.");
        }
    }
}
