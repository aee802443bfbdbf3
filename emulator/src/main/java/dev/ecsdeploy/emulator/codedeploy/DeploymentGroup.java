package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** One ECS deployment group, kept as the deploymentGroupInfo JSON that GetDeploymentGroup returns. */
final class DeploymentGroup {
    final ObjectNode info;

    DeploymentGroup(ObjectNode info) {
        this.info = info;
    }

    String name() {
        return info.path("deploymentGroupName").asText();
    }

    String cluster() {
        return info.path("ecsServices").get(0).path("clusterName").asText();
    }

    String service() {
        return info.path("ecsServices").get(0).path("serviceName").asText();
    }

    String configName() {
        return info.path("deploymentConfigName").asText(TrafficShift.DEFAULT);
    }

    private JsonNode pair() {
        return info.path("loadBalancerInfo").path("targetGroupPairInfoList").get(0);
    }

    List<String> targetGroups() {
        List<String> names = new ArrayList<>();
        pair().path("targetGroups").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    List<String> productionListeners() {
        return strings(pair().path("prodTrafficRoute").path("listenerArns"));
    }

    List<String> testListeners() {
        return strings(pair().path("testTrafficRoute").path("listenerArns"));
    }

    JsonNode readyOption() {
        return info.path("blueGreenDeploymentConfiguration").path("deploymentReadyOption");
    }

    JsonNode termination() {
        return info.path("blueGreenDeploymentConfiguration").path("terminateBlueInstancesOnDeploymentSuccess");
    }

    List<String> alarms() {
        JsonNode alarms = info.path("alarmConfiguration");
        List<String> names = new ArrayList<>();
        if (alarms.path("enabled").asBoolean(false)) {
            alarms.path("alarms").forEach(a -> names.add(a.path("name").asText()));
        }
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
