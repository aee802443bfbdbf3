package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One task, one-off (RunTask) or started by a service's scheduler, with everything DescribeTasks shows. */
final class EcsTask {
    final String id;
    final String arn;
    final Cluster cluster;
    final TaskDefinition taskDefinition;
    final String group;
    final String startedBy;
    final String launchType;
    final ObjectNode overrides;
    final Instant createdAt;
    final List<TaskContainer> containers = new ArrayList<>();
    /** Set for tasks a service started: which service and deployment they belong to. */
    ServiceState service;

    Deployment deployment;
    String lastStatus = "PROVISIONING";
    String desiredStatus = "RUNNING";
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant connectivityAt;
    Instant startedAt;
    Instant stoppingAt;
    Instant executionStoppedAt;
    Instant stoppedAt;
    /** When the scheduler started counting the task as healthy (null until then). */
    Instant healthyAt;

    String stopCode;
    String stoppedReason;
    long version = 1;

    EcsTask(
            String id,
            String arn,
            Cluster cluster,
            TaskDefinition taskDefinition,
            String group,
            String startedBy,
            String launchType,
            ObjectNode overrides,
            Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.cluster = cluster;
        this.taskDefinition = taskDefinition;
        this.group = group;
        this.startedBy = startedBy;
        this.launchType = launchType;
        this.overrides = overrides;
        this.createdAt = createdAt;
    }

    boolean stopped() {
        return lastStatus.equals("STOPPED");
    }

    boolean stopping() {
        return desiredStatus.equals("STOPPED");
    }

    /** PROVISIONING, PENDING or RUNNING and not asked to stop: what maximumPercent counts. */
    boolean live() {
        return !stopping();
    }

    boolean running() {
        return lastStatus.equals("RUNNING") && !stopping();
    }

    boolean healthy() {
        return running() && healthyAt != null;
    }

    String healthStatus() {
        boolean anyChecked = false;
        boolean allHealthy = true;
        for (TaskContainer container : containers) {
            if (container.healthStatus == null || !container.essential) {
                continue;
            }
            anyChecked = true;
            if (container.healthStatus.equals("UNHEALTHY")) {
                return "UNHEALTHY";
            }
            allHealthy &= container.healthStatus.equals("HEALTHY");
        }
        return anyChecked && allHealthy ? "HEALTHY" : "UNKNOWN";
    }

    void touch() {
        version++;
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putArray("attachments");
        json.putArray("attributes");
        json.put("availabilityZone", cluster.region + "a");
        json.put("clusterArn", cluster.arn);
        // ECS's Connectivity enum is CONNECTED | DISCONNECTED; a task not yet connected has neither member.
        if (connectivityAt != null) {
            json.put("connectivity", "CONNECTED");
            Times.put(json, "connectivityAt", connectivityAt);
        }
        ArrayNode list = json.putArray("containers");
        containers.forEach(container -> list.add(container.toJson(arn)));
        String cpu = taskDefinition.body.path("cpu").asText(null);
        if (cpu != null) {
            json.put("cpu", cpu);
        }
        String memory = taskDefinition.body.path("memory").asText(null);
        if (memory != null) {
            json.put("memory", memory);
        }
        Times.put(json, "createdAt", createdAt);
        json.put("desiredStatus", desiredStatus);
        json.put("enableExecuteCommand", false);
        Times.put(json, "executionStoppedAt", executionStoppedAt);
        json.put("group", group);
        json.put("healthStatus", healthStatus());
        json.put("lastStatus", lastStatus);
        json.put("launchType", launchType);
        json.set("overrides", overrides);
        if (launchType.equals("FARGATE")) {
            json.put("platformVersion", "1.4.0");
            json.put("platformFamily", "Linux");
        }
        Times.put(json, "pullStartedAt", pullStartedAt);
        Times.put(json, "pullStoppedAt", pullStoppedAt);
        Times.put(json, "startedAt", startedAt);
        if (startedBy != null) {
            json.put("startedBy", startedBy);
        }
        if (stopCode != null) {
            json.put("stopCode", stopCode);
        }
        Times.put(json, "stoppedAt", stoppedAt);
        if (stoppedReason != null) {
            json.put("stoppedReason", stoppedReason);
        }
        Times.put(json, "stoppingAt", stoppingAt);
        json.put("taskArn", arn);
        json.put("taskDefinitionArn", taskDefinition.arn);
        json.put("version", version);
        return json;
    }
}
