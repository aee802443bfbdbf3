package io.jenkins.plugins.ecsdeploy.steps;

import io.jenkins.plugins.ecsdeploy.exec.DurableOperationExecution;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The executions that wait for a decision from the build page, by id. Each registers when it starts waiting and
 * again after a restart, so the page's buttons always reach the live execution.
 */
final class DecisionRegistry {
    private static final Map<String, DurableOperationExecution<?, ?, ?>> WAITING = new ConcurrentHashMap<>();

    private DecisionRegistry() {}

    static void register(String id, DurableOperationExecution<?, ?, ?> execution) {
        WAITING.put(id, execution);
    }

    static void unregister(String id) {
        WAITING.remove(id);
    }

    static Optional<DurableOperationExecution<?, ?, ?>> find(String id) {
        return Optional.ofNullable(WAITING.get(id));
    }
}
