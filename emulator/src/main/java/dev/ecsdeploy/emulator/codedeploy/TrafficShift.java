package dev.ecsdeploy.emulator.codedeploy;

import java.time.Duration;
import java.util.List;

/**
 * A predefined ECS deployment configuration: how production traffic moves to the replacement task set
 * (https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html).
 *
 * @param steps the share of production traffic on the replacement after each step, the last one 100
 * @param interval the time between steps
 */
record TrafficShift(String name, List<Integer> steps, Duration interval) {
    static final String DEFAULT = "CodeDeployDefault.ECSAllAtOnce";

    static TrafficShift named(String name) {
        return switch (name) {
            case DEFAULT -> new TrafficShift(name, List.of(100), Duration.ZERO);
            case "CodeDeployDefault.ECSLinear10PercentEvery1Minutes" -> linear(name, 1);
            case "CodeDeployDefault.ECSLinear10PercentEvery3Minutes" -> linear(name, 3);
            case "CodeDeployDefault.ECSCanary10Percent5Minutes" -> canary(name, 5);
            case "CodeDeployDefault.ECSCanary10Percent15Minutes" -> canary(name, 15);
            default ->
                throw CodeDeployErrors.of(
                        "DeploymentConfigDoesNotExistException", "No deployment configuration found for name: " + name);
        };
    }

    private static TrafficShift linear(String name, int minutes) {
        return new TrafficShift(name, List.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 100), Duration.ofMinutes(minutes));
    }

    private static TrafficShift canary(String name, int minutes) {
        return new TrafficShift(name, List.of(10, 100), Duration.ofMinutes(minutes));
    }

    /** The deploymentConfigInfo that GetDeploymentConfig returns for this configuration. */
    com.fasterxml.jackson.databind.node.ObjectNode render() {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        json.put("deploymentConfigName", name);
        json.put("computePlatform", "ECS");
        var routing = json.putObject("trafficRoutingConfig");
        if (steps.size() == 1) {
            routing.put("type", "AllAtOnce");
        } else if (steps.size() == 2) {
            routing.put("type", "TimeBasedCanary");
            routing.putObject("timeBasedCanary")
                    .put("canaryPercentage", steps.get(0))
                    .put("canaryInterval", interval.toMinutes());
        } else {
            routing.put("type", "TimeBasedLinear");
            routing.putObject("timeBasedLinear")
                    .put("linearPercentage", steps.get(0))
                    .put("linearInterval", interval.toMinutes());
        }
        return json;
    }
}
