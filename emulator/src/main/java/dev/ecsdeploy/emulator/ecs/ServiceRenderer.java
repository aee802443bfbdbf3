package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders services, their deployments, service deployments and service revisions in ECS's JSON shape. */
final class ServiceRenderer {
    private final ServiceScheduler scheduler;
    private final TagOperations tags;

    ServiceRenderer(ServiceScheduler scheduler, TagOperations tags) {
        this.scheduler = scheduler;
        this.tags = tags;
    }

    ObjectNode service(ServiceState service, boolean withTags) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("serviceArn", service.arn);
        json.put("serviceName", service.name);
        json.put("clusterArn", service.cluster.arn);
        json.set("loadBalancers", service.loadBalancers);
        json.set("serviceRegistries", service.serviceRegistries);
        json.put("status", service.status);
        json.put("desiredCount", service.desiredCount);
        List<EcsTask> tasks = scheduler.tasksOf(service);
        json.put("runningCount", tasks.stream().filter(EcsTask::running).count());
        json.put("pendingCount", tasks.stream().filter(ServiceRenderer::pending).count());
        json.put("launchType", service.launchType);
        if (service.launchType.equals("FARGATE")) {
            json.put("platformVersion", "LATEST");
            json.put("platformFamily", "Linux");
        }
        json.put("taskDefinition", taskDefinition(service));
        if (!service.taskSets.isEmpty()) {
            ArrayNode taskSets = json.putArray("taskSets");
            java.time.Instant now = scheduler.now();
            service.taskSets.stream().filter(t -> !t.gone(now)).forEach(t -> taskSets.add(t.render(now)));
        }
        json.set("deploymentConfiguration", service.deploymentConfiguration);
        ArrayNode deployments = json.putArray("deployments");
        service.deployments.forEach(d -> deployments.add(deployment(service, d)));
        json.set("events", JsonNodeFactory.instance.arrayNode().addAll(service.events));
        Times.put(json, "createdAt", service.createdAt);
        if (service.currentServiceDeployment != null) {
            json.put("currentServiceDeployment", service.currentServiceDeployment.arn);
        }
        json.set("placementConstraints", service.placementConstraints);
        json.set("placementStrategy", service.placementStrategy);
        if (service.networkConfiguration != null) {
            json.set("networkConfiguration", service.networkConfiguration);
        }
        json.put("healthCheckGracePeriodSeconds", service.healthCheckGracePeriodSeconds);
        json.put("schedulingStrategy", service.schedulingStrategy);
        json.putObject("deploymentController").put("type", service.controller);
        json.put("createdBy", scheduler.principal());
        json.put("enableECSManagedTags", service.enableEcsManagedTags);
        json.put("propagateTags", service.propagateTags);
        json.put("enableExecuteCommand", service.enableExecuteCommand);
        json.put("availabilityZoneRebalancing", "DISABLED");
        if (withTags) {
            json.set("tags", tags.render(service.arn));
        }
        return json;
    }

    /** A CODE_DEPLOY service runs its PRIMARY task set's task definition. */
    private static String taskDefinition(ServiceState service) {
        return service.taskSets.stream()
                .filter(t -> t.status.equals("PRIMARY"))
                .map(t -> t.taskDefinition.arn)
                .findFirst()
                .orElse(service.primary().taskDefinition.arn);
    }

    private static boolean pending(EcsTask task) {
        return task.live() && !task.lastStatus.equals("RUNNING");
    }

    ObjectNode deployment(ServiceState service, Deployment deployment) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", deployment.id);
        json.put("status", deployment.status);
        json.put("taskDefinition", deployment.taskDefinition.arn);
        json.put("desiredCount", deployment.desiredCount);
        List<EcsTask> live = scheduler.live(service, deployment);
        json.put("pendingCount", live.stream().filter(ServiceRenderer::pending).count());
        json.put("runningCount", live.stream().filter(EcsTask::running).count());
        json.put("failedTasks", deployment.failedTasks);
        Times.put(json, "createdAt", deployment.createdAt);
        Times.put(json, "updatedAt", deployment.updatedAt);
        json.put("launchType", service.launchType);
        if (service.launchType.equals("FARGATE")) {
            json.put("platformVersion", "1.4.0");
            json.put("platformFamily", "Linux");
        }
        if (service.networkConfiguration != null) {
            json.set("networkConfiguration", service.networkConfiguration);
        }
        if (service.controller.equals("ECS")) {
            json.put("rolloutState", deployment.rolloutState);
            json.put("rolloutStateReason", deployment.rolloutStateReason);
        }
        return json;
    }

    ObjectNode serviceDeployment(ServiceDeployment sd) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("serviceDeploymentArn", sd.arn);
        json.put("serviceArn", sd.service.arn);
        json.put("clusterArn", sd.service.cluster.arn);
        Times.put(json, "createdAt", sd.createdAt);
        Times.put(json, "startedAt", sd.startedAt);
        Times.put(json, "finishedAt", sd.finishedAt);
        Times.put(json, "stoppedAt", sd.stoppedAt);
        Times.put(json, "updatedAt", sd.updatedAt);
        ArrayNode sources = json.putArray("sourceServiceRevisions");
        sd.sources.forEach(source -> sources.add(revisionSummary(sd, source, false)));
        json.set("targetServiceRevision", revisionSummary(sd, sd.target, true));
        json.put("status", sd.status);
        if (sd.statusReason != null) {
            json.put("statusReason", sd.statusReason);
        }
        if (sd.lifecycleStage != null) {
            json.put("lifecycleStage", sd.lifecycleStage);
        }
        ArrayNode hooks = json.putArray("lifecycleHookDetails");
        sd.hooks.stream()
                .filter(hook -> sd.staged == null || hook.stage.equals(sd.staged.stage()))
                .forEach(hook -> {
                    ObjectNode h = hooks.addObject();
                    h.put("hookId", hook.hookId);
                    h.put("targetType", hook.targetType);
                    h.put("status", hook.status);
                    Times.put(h, "expiresAt", hook.expiresAt);
                    h.put("timeoutAction", hook.timeoutAction);
                });
        json.set("deploymentConfiguration", sd.deploymentConfiguration);
        if (sd.rollbackStartedAt != null) {
            ObjectNode rollback = json.putObject("rollback");
            rollback.put("reason", sd.rollbackReason);
            Times.put(rollback, "startedAt", sd.rollbackStartedAt);
            rollback.put("serviceRevisionArn", sd.rollbackTarget.revisionArn);
        }
        ObjectNode breaker = json.putObject("deploymentCircuitBreaker");
        breaker.put("status", sd.breakerStatus);
        breaker.put("failureCount", sd.target.breakerFailures);
        breaker.put("threshold", sd.breakerThreshold);
        ObjectNode alarms = json.putObject("alarms");
        alarms.put("status", sd.alarmsStatus);
        var names = sd.deploymentConfiguration.path("alarms").path("alarmNames");
        alarms.set("alarmNames", names.isArray() ? names.deepCopy() : JsonNodeFactory.instance.arrayNode());
        sd.triggeredAlarms.forEach(alarms.putArray("triggeredAlarmNames")::add);
        return json;
    }

    private ObjectNode revisionSummary(ServiceDeployment sd, Deployment deployment, boolean target) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("arn", deployment.revisionArn);
        List<EcsTask> live = scheduler.live(sd.service, deployment);
        boolean current = sd.service.deployments.contains(deployment);
        json.put("requestedTaskCount", current ? deployment.desiredCount : 0);
        json.put("runningTaskCount", live.stream().filter(EcsTask::running).count());
        json.put(
                "pendingTaskCount",
                live.stream().filter(ServiceRenderer::pending).count());
        if (sd.staged != null) {
            double production = target ? sd.productionWeight : 100 - sd.productionWeight;
            double test = target ? sd.testWeight : 100 - sd.testWeight;
            json.put("requestedProductionTrafficWeight", production);
            json.put("requestedTestTrafficWeight", test);
        }
        return json;
    }

    ObjectNode serviceDeploymentBrief(ServiceDeployment sd) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("serviceDeploymentArn", sd.arn);
        json.put("serviceArn", sd.service.arn);
        json.put("clusterArn", sd.service.cluster.arn);
        Times.put(json, "startedAt", sd.startedAt);
        Times.put(json, "createdAt", sd.createdAt);
        Times.put(json, "finishedAt", sd.finishedAt);
        json.put("targetServiceRevisionArn", sd.target.revisionArn);
        json.put("status", sd.status);
        if (sd.statusReason != null) {
            json.put("statusReason", sd.statusReason);
        }
        return json;
    }

    ObjectNode serviceRevision(ServiceState service, Deployment deployment) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("serviceRevisionArn", deployment.revisionArn);
        json.put("serviceArn", service.arn);
        json.put("clusterArn", service.cluster.arn);
        json.put("taskDefinition", deployment.taskDefinition.arn);
        json.put("launchType", service.launchType);
        json.set("loadBalancers", service.loadBalancers);
        json.set("serviceRegistries", service.serviceRegistries);
        if (service.networkConfiguration != null) {
            json.set("networkConfiguration", service.networkConfiguration);
        }
        ArrayNode images = json.putArray("containerImages");
        for (ObjectNode container : deployment.taskDefinition.containers()) {
            ObjectNode image = images.addObject();
            image.put("containerName", container.path("name").asText());
            image.put("image", container.path("image").asText());
        }
        Times.put(json, "createdAt", deployment.createdAt);
        return json;
    }
}
