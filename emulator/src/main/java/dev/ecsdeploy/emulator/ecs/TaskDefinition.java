package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One registered revision of a task-definition family, kept as the JSON it was registered with. */
final class TaskDefinition {
    final String family;
    final int revision;
    final String arn;
    final ObjectNode body;
    final Instant registeredAt;
    final String registeredBy;
    String status = "ACTIVE";
    Instant deregisteredAt;
    Instant deleteRequestedAt;

    TaskDefinition(String family, int revision, String arn, ObjectNode body, Instant registeredAt, String by) {
        this.family = family;
        this.revision = revision;
        this.arn = arn;
        this.body = body;
        this.registeredAt = registeredAt;
        this.registeredBy = by;
    }

    boolean active() {
        return status.equals("ACTIVE");
    }

    List<ObjectNode> containers() {
        List<ObjectNode> containers = new ArrayList<>();
        body.path("containerDefinitions").forEach(c -> containers.add((ObjectNode) c));
        return containers;
    }

    String networkMode() {
        return body.path("networkMode").asText("bridge");
    }

    ObjectNode toJson() {
        ObjectNode json = body.deepCopy();
        json.put("taskDefinitionArn", arn);
        json.put("family", family);
        json.put("revision", revision);
        json.put("status", status);
        if (!json.has("networkMode")) {
            json.put("networkMode", networkMode());
        }
        if (!json.has("volumes")) {
            json.putArray("volumes");
        }
        if (!json.has("placementConstraints")) {
            json.putArray("placementConstraints");
        }
        ArrayNode compatibilities = json.putArray("compatibilities");
        compatibilities.add("EC2");
        if (networkMode().equals("awsvpc")) {
            compatibilities.add("FARGATE");
        }
        json.putArray("requiresAttributes");
        for (JsonNode container : json.path("containerDefinitions")) {
            ObjectNode c = (ObjectNode) container;
            defaults(c);
        }
        Times.put(json, "registeredAt", registeredAt);
        Times.put(json, "deregisteredAt", deregisteredAt);
        Times.put(json, "deleteRequestedAt", deleteRequestedAt);
        json.put("registeredBy", registeredBy);
        return json;
    }

    private static void defaults(ObjectNode container) {
        if (!container.has("essential")) {
            container.put("essential", true);
        }
        for (String list : List.of("portMappings", "environment", "mountPoints", "volumesFrom")) {
            if (!container.has(list)) {
                container.putArray(list);
            }
        }
        if (!container.has("cpu")) {
            container.put("cpu", 0);
        }
    }
}
