package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One ECS service: its settings, its deployments (PRIMARY first) and its event log (newest first, at most 100). */
final class ServiceState {
    static final int MAX_EVENTS = 100;

    final String name;
    final String arn;
    final Cluster cluster;
    final Instant createdAt;
    final String controller;
    final String schedulingStrategy;
    String status = "ACTIVE";
    int desiredCount;
    String launchType;
    ObjectNode networkConfiguration;
    ArrayNode loadBalancers = JsonNodeFactory.instance.arrayNode();
    ArrayNode serviceRegistries = JsonNodeFactory.instance.arrayNode();
    ObjectNode serviceConnectConfiguration;
    ObjectNode deploymentConfiguration;
    int healthCheckGracePeriodSeconds;
    String propagateTags = "NONE";
    boolean enableEcsManagedTags;
    boolean enableExecuteCommand;
    ArrayNode placementConstraints = JsonNodeFactory.instance.arrayNode();
    ArrayNode placementStrategy = JsonNodeFactory.instance.arrayNode();
    final List<Deployment> deployments = new ArrayList<>();
    final Deque<ObjectNode> events = new ArrayDeque<>();
    /** CODE_DEPLOY and EXTERNAL services only: the task sets, the PRIMARY one serving production. */
    final List<TaskSet> taskSets = new ArrayList<>();
    /** The last deployment that reached COMPLETED: where a circuit-breaker rollback returns to. */
    Deployment lastCompleted;
    /** The service deployment currently driving the service (or the last one). */
    ServiceDeployment currentServiceDeployment;
    /** True once the "steady state" event was written for the current shape, so it is not repeated. */
    boolean steadyReported;

    ServiceState(
            String name, String arn, Cluster cluster, Instant createdAt, String controller, String schedulingStrategy) {
        this.name = name;
        this.arn = arn;
        this.cluster = cluster;
        this.createdAt = createdAt;
        this.controller = controller;
        this.schedulingStrategy = schedulingStrategy;
    }

    Deployment primary() {
        return deployments.get(0);
    }

    boolean active() {
        return status.equals("ACTIVE");
    }

    String strategy() {
        return deploymentConfiguration.path("strategy").asText("ROLLING");
    }

    void event(String id, Instant at, String message) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("id", id);
        Times.put(event, "createdAt", at);
        event.put("message", "(service " + name + ") " + message);
        events.addFirst(event);
        while (events.size() > MAX_EVENTS) {
            events.removeLast();
        }
    }
}
