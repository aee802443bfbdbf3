package io.jenkins.plugins.ecsdeploy.freestyle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a step's return value into environment variable names and values, one convention per kind of step. */
final class ResultVariables {
    private ResultVariables() {}

    /** {@code ecrBuildPush} and {@code ecrPromote}. */
    static Map<String, String> image(Map<String, Object> result) {
        Map<String, String> variables = new LinkedHashMap<>();
        put(variables, "IMAGE_URI", result.get("imageUri"));
        put(variables, "IMAGE_DIGEST", result.get("digest"));
        put(variables, "IMAGE_REPOSITORY_URI", result.get("repositoryUri"));
        List<String> tags = strings(result.get("tags"));
        if (!tags.isEmpty()) {
            put(variables, "IMAGE_TAG", tags.get(0));
            put(variables, "IMAGE_TAGS", String.join(",", tags));
        }
        put(variables, "IMAGE_UNCHANGED", result.get("unchanged"));
        put(variables, "IMAGE_SCAN_VERDICT", result.get("scanVerdict"));
        return variables;
    }

    /** {@code ecsDeployRolling} and {@code ecsDeployCanary}. */
    static Map<String, String> deployment(Map<String, Object> result) {
        Map<String, String> variables = new LinkedHashMap<>();
        put(variables, "TASK_DEFINITION_ARN", result.get("taskDefinitionArn"));
        put(variables, "PREVIOUS_TASK_DEFINITION_ARN", result.get("previousTaskDefinitionArn"));
        put(variables, "ECS_SERVICE_DEPLOYMENT_ARN", result.get("serviceDeploymentArn"));
        put(variables, "ECS_DEPLOYMENT_ID", result.get("deploymentId"));
        put(variables, "ECS_DEPLOYMENT_STATUS", result.get("status"));
        return variables;
    }

    /**
     * {@code ecsRunTask}: the first task's ARN and the exit code of {@code container} (or of the only container
     * that reported one).
     */
    static Map<String, String> task(Map<String, Object> result, String container) {
        Map<String, String> variables = new LinkedHashMap<>();
        put(variables, "TASK_DEFINITION_ARN", result.get("taskDefinitionArn"));
        put(variables, "ECS_TASK_STATUS", result.get("status"));
        List<String> taskArns = strings(result.get("taskArns"));
        if (!taskArns.isEmpty()) {
            put(variables, "ECS_TASK_ARN", taskArns.get(0));
            put(variables, "ECS_TASK_ARNS", String.join(",", taskArns));
        }
        if (result.get("exitCodes") instanceof Map<?, ?> exitCodes) {
            Object code = container != null ? exitCodes.get(container) : null;
            if (code == null && exitCodes.size() == 1) {
                code = exitCodes.values().iterator().next();
            }
            put(variables, "ECS_TASK_EXIT_CODE", code);
        }
        return variables;
    }

    private static void put(Map<String, String> variables, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            variables.put(name, value.toString());
        }
    }

    private static List<String> strings(Object value) {
        return value instanceof Collection<?> items
                ? items.stream().map(String::valueOf).toList()
                : List.of();
    }
}
