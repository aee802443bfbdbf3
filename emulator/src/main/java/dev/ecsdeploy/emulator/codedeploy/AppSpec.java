package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of an ECS AppSpec the deployment uses: {@code Resources[0].TargetService.Properties} (TaskDefinition,
 * LoadBalancerInfo.ContainerName and ContainerPort) and {@code Hooks} (lifecycle event → Lambda function name). The
 * content may be YAML or JSON (JSON is YAML).
 */
record AppSpec(String taskDefinition, String containerName, int containerPort, Map<String, String> hooks) {
    static final java.util.List<String> HOOK_EVENTS = java.util.List.of(
            "BeforeInstall", "AfterInstall", "AfterAllowTestTraffic", "BeforeAllowTraffic", "AfterAllowTraffic");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static AppSpec parse(String content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (Exception e) {
            throw invalid("The AppSpec content could not be parsed: " + e.getMessage());
        }
        if (root == null
                || !root.path("Resources").isArray()
                || root.path("Resources").isEmpty()) {
            throw invalid("The AppSpec content has no Resources section.");
        }
        JsonNode properties = root.path("Resources").get(0).elements().next().path("Properties");
        String taskDefinition = properties.path("TaskDefinition").asText("");
        JsonNode loadBalancer = properties.path("LoadBalancerInfo");
        if (taskDefinition.isEmpty()
                || loadBalancer.path("ContainerName").asText("").isEmpty()) {
            throw invalid("The AppSpec TargetService needs TaskDefinition and LoadBalancerInfo.ContainerName.");
        }
        Map<String, String> hooks = new LinkedHashMap<>();
        root.path("Hooks")
                .forEach(hook -> hook.fields().forEachRemaining(f -> {
                    if (!HOOK_EVENTS.contains(f.getKey())) {
                        throw invalid("The AppSpec hook " + f.getKey() + " is not an ECS lifecycle event.");
                    }
                    hooks.put(f.getKey(), f.getValue().asText());
                }));
        return new AppSpec(
                taskDefinition,
                loadBalancer.path("ContainerName").asText(),
                loadBalancer.path("ContainerPort").asInt(),
                hooks);
    }

    private static RuntimeException invalid(String message) {
        return CodeDeployErrors.of("InvalidRevisionException", message);
    }
}
