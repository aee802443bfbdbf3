package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * One task set of a service with the CODE_DEPLOY or EXTERNAL deployment controller. Its tasks are counted, not
 * launched: {@link #runningCount} reaches the computed desired count {@link #START_TIME} after the set was created or
 * scaled, and a deleted set drains for {@link #DRAIN_TIME} before it disappears.
 */
final class TaskSet {
    static final Duration START_TIME = Duration.ofSeconds(30);
    static final Duration DRAIN_TIME = Duration.ofSeconds(30);

    final String id;
    final String arn;
    final ServiceState service;
    final TaskDefinition taskDefinition;
    final String externalId;
    final String startedBy;
    final Instant createdAt;
    ArrayNode loadBalancers;
    String status = "ACTIVE";
    double scalePercent = 100;
    Instant updatedAt;
    Instant drainingSince;

    TaskSet(
            String id,
            String arn,
            ServiceState service,
            TaskDefinition taskDefinition,
            String externalId,
            String startedBy,
            Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.service = service;
        this.taskDefinition = taskDefinition;
        this.externalId = externalId;
        this.startedBy = startedBy;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    int computedDesiredCount() {
        return drainingSince != null ? 0 : (int) Math.ceil(service.desiredCount * scalePercent / 100.0);
    }

    int runningCount(Instant now) {
        return now.isBefore(updatedAt.plus(START_TIME)) ? 0 : computedDesiredCount();
    }

    boolean gone(Instant now) {
        return drainingSince != null && !now.isBefore(drainingSince.plus(DRAIN_TIME));
    }

    boolean steady(Instant now) {
        return runningCount(now) == computedDesiredCount();
    }

    ObjectNode render(Instant now) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("taskSetArn", arn);
        json.put("serviceArn", service.arn);
        json.put("clusterArn", service.cluster.arn);
        if (startedBy != null) {
            json.put("startedBy", startedBy);
        }
        if (externalId != null) {
            json.put("externalId", externalId);
        }
        json.put("status", status);
        json.put("taskDefinition", taskDefinition.arn);
        int running = runningCount(now);
        json.put("computedDesiredCount", computedDesiredCount());
        json.put("pendingCount", computedDesiredCount() - running);
        json.put("runningCount", running);
        Times.put(json, "createdAt", createdAt);
        Times.put(json, "updatedAt", updatedAt);
        json.put("launchType", service.launchType);
        if (service.networkConfiguration != null) {
            json.set("networkConfiguration", service.networkConfiguration);
        }
        json.set("loadBalancers", loadBalancers);
        json.set("serviceRegistries", JsonNodeFactory.instance.arrayNode());
        json.putObject("scale").put("value", scalePercent).put("unit", "PERCENT");
        json.put("stabilityStatus", steady(now) ? "STEADY_STATE" : "STABILIZING");
        Times.put(json, "stabilityStatusAt", steady(now) ? updatedAt.plus(START_TIME) : updatedAt);
        return json;
    }
}
