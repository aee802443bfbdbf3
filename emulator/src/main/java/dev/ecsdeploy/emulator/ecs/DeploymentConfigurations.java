package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Validates a service's {@code deploymentConfiguration} against ECS's ranges and fills in the defaults ECS
 * reports back (200/100 %, breaker off, ROLLING; canary 5 % for 10 min; linear 10 % every 6 min).
 */
final class DeploymentConfigurations {
    static final Set<String> STRATEGIES = Set.of("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY");
    static final Set<String> HOOK_STAGES = Set.of(
            "RECONCILE_SERVICE",
            "PRE_SCALE_UP",
            "POST_SCALE_UP",
            "TEST_TRAFFIC_SHIFT",
            "POST_TEST_TRAFFIC_SHIFT",
            "PRE_PRODUCTION_TRAFFIC_SHIFT",
            "PRODUCTION_TRAFFIC_SHIFT",
            "POST_PRODUCTION_TRAFFIC_SHIFT");
    static final Set<String> HOOK_ACTIONS = Set.of("ROLLBACK", "CONTINUE");

    private DeploymentConfigurations() {}

    static ObjectNode defaults() {
        ObjectNode configuration = JsonNodeFactory.instance.objectNode();
        configuration.putObject("deploymentCircuitBreaker").put("enable", false).put("rollback", false);
        configuration.put("maximumPercent", 200);
        configuration.put("minimumHealthyPercent", 100);
        configuration.put("strategy", "ROLLING");
        return configuration;
    }

    /** The given members replace the current ones, as UpdateService does. */
    static ObjectNode merge(ObjectNode current, ObjectNode update) {
        ObjectNode merged = current.deepCopy();
        update.fields()
                .forEachRemaining(
                        field -> merged.set(field.getKey(), field.getValue().deepCopy()));
        fillStrategyDefaults(merged);
        return merged;
    }

    private static void fillStrategyDefaults(ObjectNode configuration) {
        String strategy = configuration.path("strategy").asText("ROLLING");
        if (strategy.equals("CANARY")) {
            ObjectNode canary = object(configuration, "canaryConfiguration");
            putIfAbsent(canary, "canaryPercent", 5.0);
            putIfAbsent(canary, "canaryBakeTimeInMinutes", 10);
        }
        if (strategy.equals("LINEAR")) {
            ObjectNode linear = object(configuration, "linearConfiguration");
            putIfAbsent(linear, "stepPercent", 10.0);
            putIfAbsent(linear, "stepBakeTimeInMinutes", 6);
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode node ? node : parent.putObject(name);
    }

    private static void putIfAbsent(ObjectNode node, String name, double value) {
        if (!node.hasNonNull(name)) {
            if (value == Math.rint(value) && name.endsWith("Minutes")) {
                node.put(name, (int) value);
            } else {
                node.put(name, value);
            }
        }
    }

    static void validate(ObjectNode configuration, ServiceState service) {
        int minimum = configuration.path("minimumHealthyPercent").asInt(100);
        int maximum = configuration.path("maximumPercent").asInt(200);
        if (minimum < 0 || minimum > 100) {
            throw EcsErrors.invalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }
        if (maximum < 100) {
            throw EcsErrors.invalidParameter("maximumPercent must be greater than or equal to 100.");
        }
        String strategy = configuration.path("strategy").asText("ROLLING");
        EcsInput.requireEnum("deploymentConfiguration.strategy", strategy, STRATEGIES);
        minutes(configuration, "bakeTimeInMinutes");
        JsonNode canary = configuration.path("canaryConfiguration");
        percent(canary, "canaryPercent", 0.1);
        minutes(canary, "canaryBakeTimeInMinutes");
        JsonNode linear = configuration.path("linearConfiguration");
        percent(linear, "stepPercent", 3.0);
        minutes(linear, "stepBakeTimeInMinutes");
        validateHooks(configuration.path("lifecycleHooks"));
        JsonNode breaker = configuration.path("deploymentCircuitBreaker").path("thresholdConfiguration");
        if (!breaker.isMissingNode()) {
            EcsInput.requireEnum(
                    "thresholdConfiguration.type",
                    breaker.path("type").asText(""),
                    Set.of("COUNT", "BOUNDED_PERCENT", "UNBOUNDED_PERCENT"));
        }
        if (!strategy.equals("ROLLING")) {
            requireTrafficShifting(strategy, service);
        }
    }

    private static void minutes(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value != null && (value.asInt() < 0 || value.asInt() > 1440)) {
            throw EcsErrors.invalidParameter(name + " must be between 0 and 1440.");
        }
    }

    private static void percent(JsonNode node, String name, double minimum) {
        JsonNode value = node.get(name);
        if (value == null) {
            return;
        }
        double percent = value.asDouble();
        boolean tenths = Math.abs(percent * 10 - Math.rint(percent * 10)) < 1e-9;
        if (percent < minimum || percent > 100 || !tenths) {
            throw EcsErrors.invalidParameter(
                    name + " must be between " + minimum + " and 100.0, in increments of 0.1.");
        }
    }

    private static void validateHooks(JsonNode hooks) {
        for (JsonNode hook : hooks) {
            String type = hook.path("targetType").asText("AWS_LAMBDA");
            EcsInput.requireEnum("lifecycleHooks.targetType", type, Set.of("AWS_LAMBDA", "PAUSE"));
            if (type.equals("AWS_LAMBDA")
                    && hook.path("hookTargetArn").asText("").isEmpty()) {
                throw EcsErrors.invalidParameter("hookTargetArn is required for lifecycle hooks of type AWS_LAMBDA.");
            }
            if (type.equals("PAUSE") && hook.hasNonNull("hookTargetArn")) {
                throw EcsErrors.invalidParameter("hookTargetArn must not be set for lifecycle hooks of type PAUSE.");
            }
            ArrayNode stages = hook.path("lifecycleStages") instanceof ArrayNode array ? array : null;
            if (stages == null || stages.isEmpty()) {
                throw EcsErrors.invalidParameter("lifecycleStages can not be null or empty.");
            }
            stages.forEach(stage -> EcsInput.requireEnum("lifecycleStages", stage.asText(), HOOK_STAGES));
            JsonNode timeout = hook.path("timeoutConfiguration");
            if (timeout.has("timeoutInMinutes")) {
                int value = timeout.get("timeoutInMinutes").asInt();
                if (value < 1 || value > 20160) {
                    throw EcsErrors.invalidParameter("timeoutInMinutes must be between 1 and 20160.");
                }
            }
            if (timeout.has("action")) {
                EcsInput.requireEnum(
                        "timeoutConfiguration.action", timeout.get("action").asText(), HOOK_ACTIONS);
            }
        }
    }

    private static void requireTrafficShifting(String strategy, ServiceState service) {
        if (!service.controller.equals("ECS")) {
            throw EcsErrors.invalidParameter(
                    "The " + strategy + " deployment strategy requires the ECS deployment controller.");
        }
        boolean serviceConnect = service.serviceConnectConfiguration != null
                && service.serviceConnectConfiguration.path("enabled").asBoolean(false);
        for (JsonNode loadBalancer : service.loadBalancers) {
            JsonNode advanced = loadBalancer.path("advancedConfiguration");
            boolean complete = !advanced.path("alternateTargetGroupArn")
                            .asText("")
                            .isEmpty()
                    && !advanced.path("productionListenerRule").asText("").isEmpty()
                    && !advanced.path("roleArn").asText("").isEmpty();
            if (!complete) {
                throw EcsErrors.invalidParameter("advancedConfiguration with alternateTargetGroupArn,"
                        + " productionListenerRule and roleArn is required for each load balancer when the"
                        + " deployment strategy is " + strategy + ".");
            }
        }
        boolean headless = service.loadBalancers.isEmpty() && !serviceConnect;
        if (headless && !strategy.equals("BLUE_GREEN")) {
            throw EcsErrors.invalidParameter("The " + strategy + " deployment strategy requires the service to use"
                    + " Elastic Load Balancing or Service Connect.");
        }
    }
}
