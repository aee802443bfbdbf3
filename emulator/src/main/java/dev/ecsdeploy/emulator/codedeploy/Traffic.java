package dev.ecsdeploy.emulator.codedeploy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The forward actions of the listeners that deployment groups name: listener ARN → target group name → weight.
 * A listener starts forwarding everything to the group's first target group, as it does in the usual setup.
 */
final class Traffic {
    private final Map<String, Map<String, Integer>> listeners = new LinkedHashMap<>();

    void register(DeploymentGroup group) {
        String first = group.targetGroups().get(0);
        for (String listener : concat(group)) {
            listeners.computeIfAbsent(listener, key -> new LinkedHashMap<>(Map.of(first, 100)));
        }
    }

    /** The target group that takes most of the group's production traffic: the blue one. */
    String serving(DeploymentGroup group) {
        Map<String, Integer> weights = weights(group.productionListeners().get(0));
        return group.targetGroups().stream()
                .max((a, b) -> Integer.compare(weights.getOrDefault(a, 0), weights.getOrDefault(b, 0)))
                .orElseThrow();
    }

    void forward(String listener, String blue, int blueWeight, String green, int greenWeight) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(blue, blueWeight);
        weights.put(green, greenWeight);
        listeners.put(listener, weights);
    }

    Map<String, Integer> weights(String listener) {
        return Map.copyOf(listeners.getOrDefault(listener, Map.of()));
    }

    ObjectNode dump() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        listeners.forEach((listener, weights) -> {
            ObjectNode node = json.putObject(listener);
            weights.forEach(node::put);
        });
        return json;
    }

    private static java.util.List<String> concat(DeploymentGroup group) {
        java.util.List<String> all = new java.util.ArrayList<>(group.productionListeners());
        all.addAll(group.testListeners());
        return all;
    }
}
