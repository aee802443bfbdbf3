package dev.ecsdeploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a deployment's verdict: a summary (or JSON) on standard output, and the exit code it means. A failure's
 * reason is printed once, on standard error with the failure and its details below it, not in the summary.
 */
final class DeploymentOutput {
    private DeploymentOutput() {}

    static int print(CliSession session, DeploymentRecord record) {
        if (session.json()) {
            JsonOutput.print(session.out(), json(record));
        } else {
            summary(session.out(), record);
        }
        if (record.succeeded()) {
            return ExitCode.SUCCESS;
        }
        throw CliFailure.operationFailed(
                        "deployment of " + record.cluster() + "/" + record.service() + " " + record.status() + ": "
                                + (record.reason().isBlank() ? "no reason given by ECS" : record.reason()),
                        "'ecsdeploy history' shows what runs now")
                .withDetails(record.details());
    }

    static Map<String, Object> json(DeploymentRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", record.status().name());
        json.put("environment", record.environment());
        json.put("cluster", record.cluster());
        json.put("service", record.service());
        json.put("strategy", record.strategy());
        json.put("previousTaskDefinitionArn", record.previousTaskDefinitionArn());
        json.put("taskDefinitionArn", record.newTaskDefinitionArn());
        json.put("imageDigests", record.imageDigests());
        json.put("deploymentId", record.deploymentId());
        json.put("serviceDeploymentArn", record.serviceDeploymentArn());
        json.put("reason", record.reason());
        json.put("details", record.details());
        json.put("startedAt", record.startedAt());
        json.put("finishedAt", record.finishedAt());
        return json;
    }

    private static void summary(PrintWriter out, DeploymentRecord record) {
        out.println("status:          " + record.status());
        out.println("service:         " + record.cluster() + "/" + record.service());
        if (!record.environment().isBlank()) {
            out.println("environment:     " + record.environment());
        }
        out.println("strategy:        " + record.strategy());
        out.println("task definition: " + record.newTaskDefinitionArn());
        out.println("previous:        " + record.previousTaskDefinitionArn());
        record.imageDigests().forEach((container, image) -> out.println("image (" + container + "): " + image));
        out.flush();
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonOutput.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return JsonOutput.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
