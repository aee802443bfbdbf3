package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment, ContinueServiceDeployment and
 * DescribeServiceRevisions.
 */
final class ServiceDeploymentOperations {
    static final Set<String> STATUSES = Set.of(
            "PENDING",
            "SUCCESSFUL",
            "STOPPED",
            "STOP_REQUESTED",
            "IN_PROGRESS",
            "ROLLBACK_REQUESTED",
            "ROLLBACK_IN_PROGRESS",
            "ROLLBACK_SUCCESSFUL",
            "ROLLBACK_FAILED");

    private final EcsWorld world;
    private final ServiceScheduler scheduler;
    private final ServiceRenderer renderer;

    ServiceDeploymentOperations(EcsWorld world, ServiceScheduler scheduler, ServiceRenderer renderer) {
        this.world = world;
        this.scheduler = scheduler;
        this.renderer = renderer;
    }

    JsonNode list(EcsInput input, RequestContext request) {
        Cluster cluster = world.cluster(input.string("cluster"), request.region());
        ServiceState service =
                world.findService(cluster, input.required("service")).orElseThrow(EcsErrors::serviceNotFound);
        List<String> statuses = input.strings("status");
        statuses.forEach(status -> EcsInput.requireEnum("status", status, STATUSES));
        JsonNode createdAt = input.raw().path("createdAt");
        List<ServiceDeployment> matching = new ArrayList<>();
        for (ServiceDeployment sd : world.serviceDeployments.values()) {
            boolean matches = sd.service == service
                    && (statuses.isEmpty() || statuses.contains(sd.status))
                    && within(sd.createdAt, createdAt);
            if (matches) {
                matching.add(0, sd);
            }
        }
        Pages.Page<ServiceDeployment> page = Pages.page(matching, input, 20, 100);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("serviceDeployments");
        page.items().forEach(sd -> list.add(renderer.serviceDeploymentBrief(sd)));
        if (page.nextToken() != null) {
            out.put("nextToken", page.nextToken());
        }
        return out;
    }

    private static boolean within(Instant createdAt, JsonNode range) {
        if (range.has("after") && createdAt.isBefore(instant(range.get("after")))) {
            return false;
        }
        return !range.has("before") || createdAt.isBefore(instant(range.get("before")));
    }

    private static Instant instant(JsonNode epochSeconds) {
        long millis = new BigDecimal(epochSeconds.asText()).movePointRight(3).longValue();
        return Instant.ofEpochMilli(millis);
    }

    JsonNode describe(EcsInput input) {
        List<String> arns = input.strings("serviceDeploymentArns");
        if (arns.isEmpty() || arns.size() > 20) {
            throw EcsErrors.invalidParameter("serviceDeploymentArns must contain between 1 and 20 items.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode found = out.putArray("serviceDeployments");
        ArrayNode failures = out.putArray("failures");
        for (String arn : arns) {
            ServiceDeployment sd = world.serviceDeployments.get(arn);
            if (sd == null) {
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            } else {
                found.add(renderer.serviceDeployment(sd));
            }
        }
        return out;
    }

    JsonNode stop(EcsInput input, RequestContext request) {
        ServiceDeployment sd = find(input.required("serviceDeploymentArn"));
        String stopType =
                input.enumValue("stopType", Set.of("ABORT", "ROLLBACK")).orElse("ROLLBACK");
        if (stopType.equals("ABORT")) {
            throw EcsErrors.invalidParameter("The stop type ABORT is not supported. The valid values are ROLLBACK.");
        }
        if (!sd.inFlight()) {
            throw EcsErrors.conflict(
                    "The service deployment " + sd.arn + " is in status " + sd.status + " and can't be stopped.");
        }
        if (!sd.rollingBack()) {
            sd.status = "ROLLBACK_REQUESTED";
            sd.updatedAt = request.now();
            scheduler.rollback(sd, "Service deployment rolled back because of a stop request.", request.now());
            scheduler.reconcile(sd.service, request.now());
        }
        return JsonNodeFactory.instance.objectNode().put("serviceDeploymentArn", sd.arn);
    }

    JsonNode continueDeployment(EcsInput input, RequestContext request) {
        ServiceDeployment sd = find(input.required("serviceDeploymentArn"));
        String hookId = input.required("hookId");
        String action =
                input.enumValue("action", Set.of("CONTINUE", "ROLLBACK")).orElse("CONTINUE");
        if (!sd.status.equals("IN_PROGRESS") && !sd.status.equals("PENDING")) {
            throw EcsErrors.conflict("The service deployment " + sd.arn + " is not IN_PROGRESS.");
        }
        ServiceDeployment.HookRun hook = sd.hooks.stream()
                .filter(h -> h.hookId.equals(hookId))
                .findFirst()
                .orElseThrow(() -> EcsErrors.invalidParameter("The lifecycle hook " + hookId + " was not found."));
        if (!hook.status.equals("AWAITING_ACTION")) {
            throw EcsErrors.conflict("The lifecycle hook " + hookId + " is not AWAITING_ACTION.");
        }
        scheduler.staged().resolveHook(sd, hook, action, false, request.now());
        scheduler.reconcile(sd.service, request.now());
        return JsonNodeFactory.instance.objectNode().put("serviceDeploymentArn", sd.arn);
    }

    JsonNode describeRevisions(EcsInput input) {
        List<String> arns = input.strings("serviceRevisionArns");
        if (arns.isEmpty() || arns.size() > 20) {
            throw EcsErrors.invalidParameter("serviceRevisionArns must contain between 1 and 20 items.");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode found = out.putArray("serviceRevisions");
        ArrayNode failures = out.putArray("failures");
        for (String arn : arns) {
            ObjectNode revision = findRevision(arn);
            if (revision == null) {
                failures.addObject().put("arn", arn).put("reason", "MISSING");
            } else {
                found.add(revision);
            }
        }
        return out;
    }

    private ObjectNode findRevision(String arn) {
        for (ServiceDeployment sd : world.serviceDeployments.values()) {
            List<Deployment> candidates = new ArrayList<>(sd.sources);
            candidates.add(sd.target);
            for (Deployment deployment : candidates) {
                if (deployment.revisionArn.equals(arn)) {
                    return renderer.serviceRevision(sd.service, deployment);
                }
            }
        }
        return null;
    }

    private ServiceDeployment find(String arn) {
        ServiceDeployment sd = world.serviceDeployments.get(arn);
        if (sd == null) {
            throw EcsErrors.serviceDeploymentNotFound(arn);
        }
        return sd;
    }
}
