package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.EmulatorContext;
import dev.ecsdeploy.emulator.ecs.EcsTaskSets;
import dev.ecsdeploy.emulator.http.AwsJsonService;
import dev.ecsdeploy.emulator.http.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulated AWS CodeDeploy for the ECS compute platform (AWS JSON 1.1, target prefix {@code CodeDeploy_20141006}).
 *
 * <p>Scenario API: {@link #hookResult} makes a hook function report Failed (or Succeeded, the default), and
 * {@link #alarm} puts a CloudWatch alarm into ALARM for the deployment groups that monitor it.
 */
public final class CodeDeployService implements AwsJsonService {
    private final EmulatorContext context;
    private final Map<String, ObjectNode> applications = new LinkedHashMap<>();
    private final Map<String, DeploymentGroup> groups = new LinkedHashMap<>();
    private final Map<String, BlueGreenDeployment> deployments = new LinkedHashMap<>();
    private final Traffic traffic = new Traffic();
    /** Written by tests from their own thread. */
    private final Map<String, String> hookResults = new ConcurrentHashMap<>();

    private final DeploymentRunner runner;

    public CodeDeployService(EmulatorContext context, EcsTaskSets ecs) {
        this.context = context;
        this.runner = new DeploymentRunner(ecs, traffic, hookResults, this::rollbackDeployment);
    }

    @Override
    public String targetPrefix() {
        return "CodeDeploy_20141006";
    }

    @Override
    public String serviceName() {
        return "codedeploy";
    }

    /** Makes every later run of the Lambda hook {@code function} report {@code result} ("Succeeded" or "Failed"). */
    public void hookResult(String function, String result) {
        if (!result.equals("Succeeded") && !result.equals("Failed")) {
            throw new IllegalArgumentException("a hook reports Succeeded or Failed, not " + result);
        }
        hookResults.put(function, result);
    }

    /** Puts {@code alarmName} into ALARM: active deployments of groups that monitor it stop (and roll back). */
    public synchronized void alarm(String alarmName, Instant now) {
        advanceTo(now);
        for (BlueGreenDeployment d : List.copyOf(deployments.values())) {
            if (d.active() && d.rollbackOf == null && d.group.alarms().contains(alarmName)) {
                runner.end(
                        d,
                        now,
                        "Stopped",
                        "ALARM_ACTIVE",
                        "The deployment was stopped because alarm " + alarmName + " went into ALARM.",
                        d.rollsBackOn("DEPLOYMENT_STOP_ON_ALARM"));
            }
        }
        advanceTo(now);
    }

    /** The weights of {@code listenerArn}'s forward action: target group name → weight. */
    public synchronized Map<String, Integer> listenerWeights(String listenerArn) {
        return traffic.weights(listenerArn);
    }

    @Override
    public synchronized JsonNode handle(String operation, ObjectNode input, RequestContext request) {
        return switch (operation) {
            case "CreateApplication" -> createApplication(input, request.now());
            case "GetApplication" -> wrap("application", application(input));
            case "ListApplications" -> listApplications();
            case "CreateDeploymentGroup" -> createDeploymentGroup(input, request.now());
            case "GetDeploymentGroup" ->
                wrap(
                        "deploymentGroupInfo",
                        group(input, input.path("deploymentGroupName").asText()).info);
            case "ListDeploymentGroups" -> listDeploymentGroups(input);
            case "GetDeploymentConfig" ->
                wrap(
                        "deploymentConfigInfo",
                        TrafficShift.named(Json.required(
                                        input, "deploymentConfigName", "DeploymentConfigNameRequiredException"))
                                .render());
            case "BatchGetDeploymentGroups" -> batchGetDeploymentGroups(input);
            case "CreateDeployment" -> createDeployment(input, request);
            case "GetDeployment" -> wrap("deploymentInfo", render(deployment(input)));
            case "BatchGetDeployments" -> batchGetDeployments(input);
            case "ListDeployments" -> listDeployments(input);
            case "ContinueDeployment" -> continueDeployment(input, request.now());
            case "StopDeployment" -> stopDeployment(input, request.now());
            case "ListDeploymentTargets" -> listTargets(input);
            case "GetDeploymentTarget" -> wrap("deploymentTarget", target(deployment(input)));
            case "BatchGetDeploymentTargets" -> batchGetTargets(input);
            default -> throw AwsJsonService.unknownOperation(operation);
        };
    }

    @Override
    public synchronized void advanceTo(Instant now) {
        for (BlueGreenDeployment d : List.copyOf(deployments.values())) {
            runner.advance(d, now);
        }
    }

    // ---- applications and deployment groups ---------------------------------------------------------------------

    private JsonNode createApplication(ObjectNode input, Instant now) {
        String name = Json.required(input, "applicationName", "ApplicationNameRequiredException");
        if (applications.containsKey(name)) {
            throw CodeDeployErrors.of("ApplicationAlreadyExistsException", name + " already exists in your account");
        }
        String platform = input.path("computePlatform").asText("Server");
        if (!List.of("Server", "Lambda", "ECS").contains(platform)) {
            throw CodeDeployErrors.of("InvalidComputePlatformException", "The computePlatform is invalid: " + platform);
        }
        ObjectNode application = JsonNodeFactory.instance.objectNode();
        application.put("applicationId", uuid());
        application.put("applicationName", name);
        Json.time(application, "createTime", now);
        application.put("linkedToGitHub", false);
        application.put("computePlatform", platform);
        applications.put(name, application);
        return JsonNodeFactory.instance
                .objectNode()
                .put("applicationId", application.path("applicationId").asText());
    }

    private ObjectNode application(JsonNode input) {
        String name = Json.required(input, "applicationName", "ApplicationNameRequiredException");
        ObjectNode application = applications.get(name);
        if (application == null) {
            throw CodeDeployErrors.applicationMissing(name);
        }
        return application;
    }

    private JsonNode listApplications() {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode names = result.putArray("applications");
        applications.keySet().forEach(names::add);
        return result;
    }

    private JsonNode createDeploymentGroup(ObjectNode input, Instant now) {
        ObjectNode application = application(input);
        String name = Json.required(input, "deploymentGroupName", "DeploymentGroupNameRequiredException");
        String app = application.path("applicationName").asText();
        if (groups.containsKey(app + "/" + name)) {
            throw CodeDeployErrors.of("DeploymentGroupAlreadyExistsException", name + " already exists for " + app);
        }
        Json.required(input, "serviceRoleArn", "RoleRequiredException");
        DeploymentGroupValidation.validate(application, input, groups.values());
        ObjectNode info = input.deepCopy();
        info.put("deploymentGroupId", uuid());
        info.put("computePlatform", application.path("computePlatform").asText());
        if (!info.hasNonNull("deploymentConfigName")) {
            info.put("deploymentConfigName", TrafficShift.DEFAULT);
        }
        TrafficShift.named(info.path("deploymentConfigName").asText());
        DeploymentGroup group = new DeploymentGroup(info);
        groups.put(app + "/" + name, group);
        traffic.register(group);
        return JsonNodeFactory.instance
                .objectNode()
                .put("deploymentGroupId", info.path("deploymentGroupId").asText());
    }

    private DeploymentGroup group(JsonNode input, String name) {
        String app = application(input).path("applicationName").asText();
        DeploymentGroup group = groups.get(app + "/" + name);
        if (group == null) {
            throw CodeDeployErrors.groupMissing(app, name);
        }
        return group;
    }

    private JsonNode listDeploymentGroups(ObjectNode input) {
        String app = application(input).path("applicationName").asText();
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("applicationName", app);
        ArrayNode names = result.putArray("deploymentGroups");
        groups.forEach((key, group) -> {
            if (key.startsWith(app + "/")) {
                names.add(group.name());
            }
        });
        return result;
    }

    private JsonNode batchGetDeploymentGroups(ObjectNode input) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode infos = result.putArray("deploymentGroupsInfo");
        List<String> missing = new ArrayList<>();
        for (JsonNode name : input.path("deploymentGroupNames")) {
            String app = application(input).path("applicationName").asText();
            DeploymentGroup group = groups.get(app + "/" + name.asText());
            if (group == null) {
                missing.add(name.asText());
            } else {
                infos.add(group.info);
            }
        }
        if (!missing.isEmpty()) {
            result.put("errorMessage", "Deployment groups not found: " + String.join(", ", missing));
        }
        return result;
    }

    // ---- deployments -----------------------------------------------------------------------------------------

    private JsonNode createDeployment(ObjectNode input, RequestContext request) {
        DeploymentGroup group =
                group(input, Json.required(input, "deploymentGroupName", "DeploymentGroupNameRequiredException"));
        JsonNode revisionInput = input.path("revision");
        if (!revisionInput.path("revisionType").asText("").equals("AppSpecContent")
                && !revisionInput.path("revisionType").asText("").equals("String")) {
            throw CodeDeployErrors.of(
                    "RevisionRequiredException", "An ECS deployment needs an AppSpecContent revision.");
        }
        String content = revisionInput
                .path("appSpecContent")
                .path("content")
                .asText(revisionInput.path("string").path("content").asText(""));
        AppSpec appSpec = AppSpec.parse(content);
        String configName = input.path("deploymentConfigName").asText(group.configName());
        TrafficShift shift = TrafficShift.named(configName);
        deployments.values().stream()
                .filter(d -> d.group == group && d.active())
                .findFirst()
                .ifPresent(d -> {
                    throw CodeDeployErrors.of(
                            "DeploymentLimitExceededException",
                            "The Deployment Group " + group.name() + " already has an active Deployment " + d.id);
                });
        ObjectNode revision = revisionInput.deepCopy();
        ObjectNode body = revision.has("appSpecContent")
                ? (ObjectNode) revision.get("appSpecContent")
                : (ObjectNode) revision.get("string");
        body.put("sha256", sha256(content));
        JsonNode autoRollback = input.has("autoRollbackConfiguration")
                ? input.get("autoRollbackConfiguration")
                : group.info.path("autoRollbackConfiguration");
        BlueGreenDeployment deployment = new BlueGreenDeployment(
                deploymentId(),
                application(input).path("applicationName").asText(),
                group,
                shift,
                appSpec,
                revision,
                autoRollback,
                "user",
                input.path("description").asText(null),
                request.region(),
                request.now());
        deployment.nextAt = request.now();
        deployments.put(deployment.id, deployment);
        return JsonNodeFactory.instance.objectNode().put("deploymentId", deployment.id);
    }

    private BlueGreenDeployment rollbackDeployment(BlueGreenDeployment failed) {
        BlueGreenDeployment rollback = new BlueGreenDeployment(
                deploymentId(),
                failed.application,
                failed.group,
                TrafficShift.named(TrafficShift.DEFAULT),
                null,
                failed.revision,
                JsonNodeFactory.instance.objectNode(),
                "codeDeployRollback",
                null,
                failed.region,
                failed.completeTime);
        rollback.rollbackInfo = JsonNodeFactory.instance
                .objectNode()
                .put("rollbackTriggeringDeploymentId", failed.id)
                .put("rollbackMessage", "Rollback of deployment " + failed.id);
        deployments.put(rollback.id, rollback);
        return rollback;
    }

    private BlueGreenDeployment deployment(JsonNode input) {
        String id = Json.required(input, "deploymentId", "DeploymentIdRequiredException");
        BlueGreenDeployment deployment = deployments.get(id);
        if (deployment == null) {
            throw CodeDeployErrors.deploymentMissing(id);
        }
        return deployment;
    }

    private JsonNode batchGetDeployments(ObjectNode input) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode infos = result.putArray("deploymentsInfo");
        for (JsonNode id : input.path("deploymentIds")) {
            BlueGreenDeployment deployment = deployments.get(id.asText());
            if (deployment != null) {
                infos.add(render(deployment));
            }
        }
        return result;
    }

    private JsonNode listDeployments(ObjectNode input) {
        List<String> statuses = new ArrayList<>();
        input.path("includeOnlyStatuses").forEach(s -> statuses.add(s.asText()));
        String app = input.path("applicationName").asText("");
        String groupName = input.path("deploymentGroupName").asText("");
        if (!app.isEmpty()) {
            application(input);
            if (!groupName.isEmpty()) {
                group(input, groupName);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode ids = result.putArray("deployments");
        List<BlueGreenDeployment> newestFirst = new ArrayList<>(deployments.values());
        java.util.Collections.reverse(newestFirst);
        for (BlueGreenDeployment d : newestFirst) {
            boolean matches = (app.isEmpty() || d.application.equals(app))
                    && (groupName.isEmpty() || d.group.name().equals(groupName))
                    && (statuses.isEmpty() || statuses.contains(d.status));
            if (matches) {
                ids.add(d.id);
            }
        }
        return result;
    }

    private JsonNode continueDeployment(ObjectNode input, Instant now) {
        BlueGreenDeployment d = deployment(input);
        String waitType = input.path("deploymentWaitType").asText("READY_WAIT");
        if (!d.active()) {
            throw CodeDeployErrors.of(
                    "DeploymentAlreadyCompletedException", "The deployment " + d.id + " has already completed.");
        }
        if (waitType.equals("READY_WAIT")) {
            if (!d.status.equals("Ready")) {
                throw CodeDeployErrors.of(
                        "DeploymentIsNotInReadyStateException",
                        "The deployment " + d.id + " is not in the Ready state.");
            }
            runner.continueFromReady(d, now);
        } else if (waitType.equals("TERMINATION_WAIT")) {
            if (!d.stageName().equals("Termination")) {
                throw CodeDeployErrors.of(
                        "InvalidDeploymentWaitTypeException",
                        "The deployment " + d.id + " is not waiting for the original task set to terminate.");
            }
            runner.terminateBlue(d, now);
        } else {
            throw CodeDeployErrors.of("InvalidDeploymentWaitTypeException", "Unknown wait type " + waitType);
        }
        runner.advance(d, now);
        return JsonNodeFactory.instance.objectNode();
    }

    private JsonNode stopDeployment(ObjectNode input, Instant now) {
        BlueGreenDeployment d = deployment(input);
        if (!d.active()) {
            throw CodeDeployErrors.of(
                    "DeploymentAlreadyCompletedException", "The deployment " + d.id + " has already completed.");
        }
        boolean rollback = input.has("autoRollbackEnabled")
                ? input.get("autoRollbackEnabled").asBoolean()
                : d.rollsBackOn("DEPLOYMENT_STOP_ON_REQUEST");
        runner.end(d, now, "Stopped", "MANUAL_STOP", "The deployment was stopped by a user.", rollback);
        advanceTo(now);
        return JsonNodeFactory.instance
                .objectNode()
                .put("status", "Succeeded")
                .put("statusMessage", rollback ? "Stopped; the original task set serves traffic again." : "Stopped.");
    }

    // ---- targets ---------------------------------------------------------------------------------------------

    private JsonNode listTargets(ObjectNode input) {
        BlueGreenDeployment d = deployment(input);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.putArray("targetIds").add(targetId(d));
        return result;
    }

    private JsonNode batchGetTargets(ObjectNode input) {
        BlueGreenDeployment d = deployment(input);
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode targets = result.putArray("deploymentTargets");
        for (JsonNode id : input.path("targetIds")) {
            if (!id.asText().equals(targetId(d))) {
                throw CodeDeployErrors.of("DeploymentTargetDoesNotExistException", "No target " + id.asText());
            }
            targets.add(target(d));
        }
        return result;
    }

    private static String targetId(BlueGreenDeployment d) {
        return d.group.cluster() + ":" + d.group.service();
    }

    private ObjectNode target(BlueGreenDeployment d) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("deploymentTargetType", "ECSTarget");
        ObjectNode ecs = json.putObject("ecsTarget");
        ecs.put("deploymentId", d.id);
        ecs.put("targetId", targetId(d));
        ecs.put(
                "targetArn",
                "arn:aws:ecs:" + d.region + ":" + context.accountId() + ":service/" + d.group.cluster() + "/"
                        + d.group.service());
        Json.time(
                ecs,
                "lastUpdatedAt",
                d.completeTime != null ? d.completeTime : context.clock().now());
        ArrayNode events = ecs.putArray("lifecycleEvents");
        d.events.values().forEach(e -> events.add(DeploymentRunner.render(e)));
        ecs.put(
                "status",
                switch (d.status) {
                    case "Created", "Queued" -> "Pending";
                    case "Stopped" -> "Failed";
                    default -> d.status;
                });
        ArrayNode sets = ecs.putArray("taskSetsInfo");
        if (d.greenTargetGroup != null) {
            Map<String, Integer> weights =
                    traffic.weights(d.group.productionListeners().get(0));
            sets.add(taskSetInfo(d.blueTaskSet, "Blue", d.blueTargetGroup, weights));
            sets.add(taskSetInfo(d.greenTaskSet, "Green", d.greenTargetGroup, weights));
        }
        return json;
    }

    private static ObjectNode taskSetInfo(String id, String label, String targetGroup, Map<String, Integer> weights) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("identifer", id);
        json.put("taskSetLabel", label);
        json.put("trafficWeight", weights.getOrDefault(targetGroup, 0).doubleValue());
        json.putObject("targetGroup").put("name", targetGroup);
        return json;
    }

    private ObjectNode render(BlueGreenDeployment d) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("applicationName", d.application);
        json.put("deploymentGroupName", d.group.name());
        json.put("deploymentConfigName", d.shift.name());
        json.put("deploymentId", d.id);
        json.set("revision", d.revision);
        json.put("status", d.status);
        if (d.errorInformation != null) {
            json.set("errorInformation", d.errorInformation);
        }
        Json.time(json, "createTime", d.createTime);
        Json.time(json, "startTime", d.startTime);
        Json.time(json, "completeTime", d.completeTime);
        if (d.description != null) {
            json.put("description", d.description);
        }
        json.put("creator", d.creator);
        json.put("ignoreApplicationStopFailures", false);
        json.set("autoRollbackConfiguration", d.autoRollback);
        json.put("updateOutdatedInstancesOnly", false);
        if (d.rollbackInfo != null) {
            json.set("rollbackInfo", d.rollbackInfo);
        }
        json.set("deploymentStyle", d.group.info.path("deploymentStyle"));
        json.set("blueGreenDeploymentConfiguration", d.group.info.path("blueGreenDeploymentConfiguration"));
        json.set("loadBalancerInfo", d.group.info.path("loadBalancerInfo"));
        json.put("instanceTerminationWaitTimeStarted", d.terminationWaitStarted);
        json.putArray("deploymentStatusMessages");
        json.put("computePlatform", "ECS");
        return json;
    }

    @Override
    public synchronized JsonNode dumpState() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        ArrayNode apps = state.putArray("applications");
        applications.values().forEach(apps::add);
        ArrayNode groupList = state.putArray("deploymentGroups");
        groups.values().forEach(g -> groupList.add(g.info));
        ArrayNode list = state.putArray("deployments");
        deployments.values().forEach(d -> list.add(render(d).put("stage", d.stageName())));
        state.set("listeners", traffic.dump());
        return state;
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set(name, value);
        return result;
    }

    private String deploymentId() {
        return "d-" + context.nextHexId().substring(23).toUpperCase(Locale.ROOT);
    }

    private String uuid() {
        String hex = context.nextHexId();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
