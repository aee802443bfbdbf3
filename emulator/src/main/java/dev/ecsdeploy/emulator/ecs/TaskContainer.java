package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.workload.ImageResolution;
import dev.ecsdeploy.emulator.workload.Workload;

/** One container of a task: what it runs, how it behaves, and how far it got. */
final class TaskContainer {
    final String name;
    final String arn;
    final String image;
    final boolean essential;
    final ImageResolution resolution;
    final Workload workload;
    final ObjectNode definition;
    final boolean hasHealthCheck;
    String runtimeId;
    String lastStatus = "PENDING";
    Integer exitCode;
    String reason;
    String healthStatus;

    TaskContainer(String arn, ObjectNode definition, ImageResolution resolution) {
        this.arn = arn;
        this.definition = definition;
        this.name = definition.path("name").asText();
        this.image = definition.path("image").asText();
        this.essential = definition.path("essential").asBoolean(true);
        this.resolution = resolution;
        this.workload = workloadOf(resolution);
        this.hasHealthCheck = definition.has("healthCheck");
        this.healthStatus = hasHealthCheck ? "UNKNOWN" : null;
    }

    private static Workload workloadOf(ImageResolution resolution) {
        if (resolution instanceof ImageResolution.Found found) {
            return found.workload();
        }
        return resolution instanceof ImageResolution.Foreign foreign ? foreign.workload() : Workload.DEFAULT;
    }

    boolean missingImage() {
        return resolution instanceof ImageResolution.Missing;
    }

    boolean running() {
        return lastStatus.equals("RUNNING");
    }

    /** The pull error ECS reports for an image the registry does not hold. */
    String pullError() {
        String detail = resolution instanceof ImageResolution.Missing missing ? missing.reason() : "";
        if (detail.startsWith("CannotPullContainerError")) {
            return detail;
        }
        return "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "
                + image + ": " + (detail.isEmpty() ? image + ": not found" : detail);
    }

    /** The awslogs driver options, or null when the container logs elsewhere. */
    ObjectNode awslogsOptions() {
        ObjectNode config = (ObjectNode) definition.get("logConfiguration");
        if (config == null || !config.path("logDriver").asText().equals("awslogs")) {
            return null;
        }
        return config.get("options") instanceof ObjectNode options ? options : JsonNodeFactory.instance.objectNode();
    }

    ObjectNode toJson(String taskArn) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("containerArn", arn);
        json.put("taskArn", taskArn);
        json.put("name", name);
        json.put("image", image);
        resolution.pinnedDigest().ifPresent(digest -> json.put("imageDigest", digest));
        if (runtimeId != null) {
            json.put("runtimeId", runtimeId);
        }
        json.put("lastStatus", lastStatus);
        if (exitCode != null) {
            json.put("exitCode", exitCode);
        }
        if (reason != null) {
            json.put("reason", reason);
        }
        if (healthStatus != null) {
            json.put("healthStatus", healthStatus);
        }
        json.putArray("networkBindings");
        json.putArray("networkInterfaces");
        json.put("cpu", definition.path("cpu").asText("0"));
        if (definition.has("memory")) {
            json.put("memory", definition.get("memory").asText());
        }
        return json;
    }
}
