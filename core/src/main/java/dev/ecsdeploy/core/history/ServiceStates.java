package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds deployments, in the order they were recorded, into what runs in each (environment, service).
 *
 * <p>What runs is the last deployment recorded as SUCCEEDED; the latest attempt is the deployment that started
 * last (an update of the same deployment replaces it). Entries that are not deployments are ignored.
 */
final class ServiceStates {
    private final Map<String, ServiceState> byKey = new LinkedHashMap<>();

    void seed(List<ServiceState> states) {
        states.forEach(state -> byKey.put(key(state.environment(), state.service()), state));
    }

    void accept(HistoryEntry entry) {
        if (entry instanceof DeploymentEntry deployment) {
            byKey.merge(key(deployment.environment(), deployment.service()), first(deployment), this::fold);
        }
    }

    List<ServiceState> result() {
        var states = new ArrayList<>(byKey.values());
        var environments = EnvironmentOrder.sort(
                states.stream().map(ServiceState::environment).toList());
        states.sort(Comparator.comparingInt((ServiceState state) -> environments.indexOf(state.environment()))
                .thenComparing(ServiceState::service));
        return List.copyOf(states);
    }

    private ServiceState fold(ServiceState known, ServiceState update) {
        DeploymentEntry deployment = update.latest();
        DeploymentEntry running = deployment.status() == OperationStatus.SUCCEEDED ? deployment : known.running();
        return new ServiceState(known.environment(), known.service(), running, newer(known.latest(), deployment));
    }

    private static DeploymentEntry newer(DeploymentEntry known, DeploymentEntry update) {
        boolean sameDeployment = known.id().equals(update.id());
        return sameDeployment || !update.time().isBefore(known.time()) ? update : known;
    }

    private static ServiceState first(DeploymentEntry deployment) {
        DeploymentEntry running = deployment.status() == OperationStatus.SUCCEEDED ? deployment : null;
        return new ServiceState(deployment.environment(), deployment.service(), running, deployment);
    }

    private static String key(String environment, String service) {
        return environment + '\u0000' + service;
    }
}
