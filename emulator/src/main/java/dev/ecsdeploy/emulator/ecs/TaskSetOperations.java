package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * CreateTaskSet, DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet and DeleteTaskSet. As in AWS, callers
 * may manage task sets only on EXTERNAL services; on CODE_DEPLOY services CodeDeploy manages them through the same
 * operations (the {@code internal} methods), and DescribeTaskSets shows them.
 */
final class TaskSetOperations {
    private final EcsWorld world;

    TaskSetOperations(EcsWorld world) {
        this.world = world;
    }

    JsonNode create(EcsInput input, RequestContext request) {
        ServiceState service = externalService(input, request);
        TaskDefinition definition = world.findTaskDefinition(input.required("taskDefinition"), request.region())
                .filter(TaskDefinition::active)
                .orElseThrow(() -> EcsErrors.invalidParameter("TaskDefinition not found."));
        TaskSet taskSet = create(
                service,
                definition,
                input.string("externalId").orElse(null),
                null,
                input.array("loadBalancers").deepCopy(),
                request.now());
        input.object("scale")
                .ifPresent(scale -> taskSet.scalePercent = scale.path("value").asDouble(100));
        return wrap(taskSet, request.now());
    }

    JsonNode describe(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        ServiceState service =
                world.findService(cluster, input.required("service")).orElseThrow(EcsErrors::serviceNotFound);
        List<String> wanted = input.strings("taskSets");
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode sets = result.putArray("taskSets");
        ArrayNode failures = result.putArray("failures");
        for (TaskSet taskSet : live(service, request.now())) {
            if (wanted.isEmpty() || wanted.contains(taskSet.id) || wanted.contains(taskSet.arn)) {
                sets.add(taskSet.render(request.now()));
            }
        }
        for (String reference : wanted) {
            if (find(service, reference, request.now()).isEmpty()) {
                failures.addObject().put("arn", reference).put("reason", "MISSING");
            }
        }
        return result;
    }

    JsonNode update(EcsInput input, RequestContext request) {
        ServiceState service = externalService(input, request);
        TaskSet taskSet = required(service, input.required("taskSet"), request.now());
        double percent = input.object("scale")
                .map(scale -> scale.path("value").asDouble(100))
                .orElseThrow(() -> EcsErrors.invalidParameter("scale can not be null."));
        scale(taskSet, percent, request.now());
        return wrap(taskSet, request.now());
    }

    JsonNode updatePrimary(EcsInput input, RequestContext request) {
        ServiceState service = externalService(input, request);
        TaskSet taskSet = required(service, input.required("primaryTaskSet"), request.now());
        makePrimary(taskSet, request.now());
        return wrap(taskSet, request.now());
    }

    JsonNode delete(EcsInput input, RequestContext request) {
        ServiceState service = externalService(input, request);
        TaskSet taskSet = required(service, input.required("taskSet"), request.now());
        if (taskSet.status.equals("PRIMARY") && !input.bool("force").orElse(false)) {
            throw EcsErrors.invalidParameter("Cannot delete the primary task set; use force to delete it anyway.");
        }
        drain(taskSet, request.now());
        return wrap(taskSet, request.now());
    }

    TaskSet create(
            ServiceState service,
            TaskDefinition definition,
            String externalId,
            String startedBy,
            ArrayNode loadBalancers,
            Instant now) {
        long number = Long.parseUnsignedLong(world.context.nextHexId().substring(16), 16) % 10_000_000_000_000_000L;
        String id = String.format("ecs-svc/%019d", number);
        TaskSet taskSet = new TaskSet(
                id,
                world.arn(service.cluster.region, "task-set/" + service.cluster.name + "/" + service.name + "/" + id),
                service,
                definition,
                externalId,
                startedBy,
                now);
        taskSet.loadBalancers = loadBalancers;
        service.taskSets.add(taskSet);
        return taskSet;
    }

    void scale(TaskSet taskSet, double percent, Instant now) {
        if (percent < 0 || percent > 100) {
            throw EcsErrors.invalidParameter("scale value must be between 0 and 100.");
        }
        taskSet.scalePercent = percent;
        taskSet.updatedAt = now;
    }

    void makePrimary(TaskSet taskSet, Instant now) {
        for (TaskSet other : taskSet.service.taskSets) {
            if (other.status.equals("PRIMARY")) {
                other.status = "ACTIVE";
                other.updatedAt = now;
            }
        }
        taskSet.status = "PRIMARY";
        taskSet.updatedAt = now;
    }

    void drain(TaskSet taskSet, Instant now) {
        taskSet.status = "DRAINING";
        taskSet.drainingSince = now;
        taskSet.updatedAt = now;
    }

    List<TaskSet> live(ServiceState service, Instant now) {
        service.taskSets.removeIf(taskSet -> taskSet.gone(now));
        return List.copyOf(service.taskSets);
    }

    Optional<TaskSet> find(ServiceState service, String reference, Instant now) {
        return live(service, now).stream()
                .filter(t -> t.id.equals(reference) || t.arn.equals(reference))
                .findFirst();
    }

    private TaskSet required(ServiceState service, String reference, Instant now) {
        return find(service, reference, now).orElseThrow(EcsErrors::taskSetNotFound);
    }

    private ServiceState externalService(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        ServiceState service =
                world.findService(cluster, input.required("service")).orElseThrow(EcsErrors::serviceNotFound);
        if (!service.active()) {
            throw EcsErrors.serviceNotActive();
        }
        if (!service.controller.equals("EXTERNAL")) {
            throw EcsErrors.invalidParameter("Task sets can only be managed directly on services with the EXTERNAL"
                    + " deployment controller; service " + service.name + " uses " + service.controller + ".");
        }
        return service;
    }

    private static ObjectNode wrap(TaskSet taskSet, Instant now) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("taskSet", taskSet.render(now));
        return result;
    }
}
