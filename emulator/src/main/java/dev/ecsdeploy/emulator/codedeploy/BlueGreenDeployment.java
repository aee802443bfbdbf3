package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One ECS blue/green deployment (or the rollback deployment CodeDeploy creates for one) and where it stands. */
final class BlueGreenDeployment {
    /** The ECS lifecycle events in their documented order, with the two waits CodeDeploy adds between them. */
    static final List<String> STAGES = List.of(
            "BeforeInstall",
            "Install",
            "AfterInstall",
            "AllowTestTraffic",
            "AfterAllowTestTraffic",
            "Ready",
            "BeforeAllowTraffic",
            "AllowTraffic",
            "AfterAllowTraffic",
            "Termination");

    static final Set<String> ACTIVE = Set.of("Created", "Queued", "InProgress", "Ready", "Baking");

    final String id;
    final String application;
    final DeploymentGroup group;
    final TrafficShift shift;
    final AppSpec appSpec;
    final ObjectNode revision;
    final JsonNode autoRollback;
    final String creator;
    final String description;
    final String region;
    final Instant createTime;
    final Map<String, LifecycleEvent> events = new LinkedHashMap<>();
    String status = "Created";
    Instant startTime;
    Instant completeTime;
    ObjectNode errorInformation;
    ObjectNode rollbackInfo;
    int stage = -1;
    Instant nextAt;
    Instant waitUntil;
    boolean terminationWaitStarted;
    String blueTaskSet;
    String greenTaskSet;
    String blueTargetGroup;
    String greenTargetGroup;
    int shiftStep;
    /** For a rollback deployment: the deployment it rolls back. */
    BlueGreenDeployment rollbackOf;

    BlueGreenDeployment(
            String id,
            String application,
            DeploymentGroup group,
            TrafficShift shift,
            AppSpec appSpec,
            ObjectNode revision,
            JsonNode autoRollback,
            String creator,
            String description,
            String region,
            Instant createTime) {
        this.id = id;
        this.application = application;
        this.group = group;
        this.shift = shift;
        this.appSpec = appSpec;
        this.revision = revision;
        this.autoRollback = autoRollback;
        this.creator = creator;
        this.description = description;
        this.region = region;
        this.createTime = createTime;
        List<String> names = appSpec != null
                ? STAGES.stream()
                        .filter(s -> !s.equals("Ready") && !s.equals("Termination"))
                        .toList()
                : List.of("BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic");
        names.forEach(name -> events.put(name, new LifecycleEvent(name)));
    }

    boolean active() {
        return ACTIVE.contains(status);
    }

    String stageName() {
        return stage < 0 ? "Start" : STAGES.get(stage);
    }

    boolean rollsBackOn(String event) {
        return autoRollback.path("enabled").asBoolean(false) && contains(autoRollback.path("events"), event);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** One lifecycle event of the ECS target. */
    static final class LifecycleEvent {
        final String name;
        String status = "Pending";
        Instant startTime;
        Instant endTime;
        ObjectNode diagnostics;

        LifecycleEvent(String name) {
            this.name = name;
        }
    }
}
