package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.history.PromotionView.Cell;
import dev.ecsdeploy.core.history.PromotionView.Gap;
import dev.ecsdeploy.core.history.PromotionView.Relation;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes the promotion view. Digests are ordered by when they first appear in the history (a build, else the
 * first deployment), so "behind by N" counts the images that upstream ran, newer than what downstream runs, up to
 * what upstream runs now.
 */
final class Promotion {
    private final List<String> environments;
    private final Map<String, Integer> birthOrder = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> deployedByServiceAndEnvironment = new HashMap<>();
    private final Map<String, ServiceState> current = new HashMap<>();

    private Promotion(List<String> environments) {
        this.environments = environments;
    }

    static PromotionView compute(List<HistoryEntry> entries, List<ServiceState> states, List<String> environments) {
        var promotion = new Promotion(environments);
        entries.stream().sorted(Comparator.comparing(HistoryEntry::time)).forEach(promotion::learn);
        states.forEach(state -> promotion.current.put(state.environment() + '\u0000' + state.service(), state));
        var services = new TreeSet<String>();
        states.stream().filter(s -> environments.contains(s.environment())).forEach(s -> services.add(s.service()));
        return new PromotionView(
                environments, services.stream().map(promotion::row).toList());
    }

    private void learn(HistoryEntry entry) {
        if (entry instanceof ImageBuildEntry build && build.digest() != null) {
            birthOrder.putIfAbsent(build.digest(), birthOrder.size());
        }
        if (entry instanceof DeploymentEntry deployment && identity(deployment) != null) {
            birthOrder.putIfAbsent(identity(deployment), birthOrder.size());
            if (deployment.status() == OperationStatus.SUCCEEDED) {
                deployedByServiceAndEnvironment
                        .computeIfAbsent(deployment.service(), s -> new HashMap<>())
                        .computeIfAbsent(deployment.environment(), e -> new LinkedHashSet<>())
                        .add(identity(deployment));
            }
        }
    }

    private PromotionView.ServiceRow row(String service) {
        var cells = environments.stream().map(env -> cell(env, service)).toList();
        var gaps = new ArrayList<Gap>();
        for (int i = 1; i < cells.size(); i++) {
            gaps.add(gap(service, cells.get(i - 1), cells.get(i)));
        }
        return new PromotionView.ServiceRow(service, cells, gaps);
    }

    private Cell cell(String environment, String service) {
        ServiceState state = current.get(environment + '\u0000' + service);
        if (state == null || state.running() == null) {
            return new Cell(environment, null, null, null);
        }
        return new Cell(
                environment,
                identity(state.running()),
                state.since(),
                state.running().id());
    }

    private Gap gap(String service, Cell upstream, Cell downstream) {
        String up = upstream.digest();
        String down = downstream.digest();
        if (up == null || down == null) {
            return new Gap(upstream.environment(), downstream.environment(), Relation.MISSING, 0, List.of());
        }
        if (up.equals(down)) {
            return new Gap(upstream.environment(), downstream.environment(), Relation.IN_SYNC, 0, List.of());
        }
        boolean behind = birthOrder.get(up) > birthOrder.get(down);
        String ranEnvironment = behind ? upstream.environment() : downstream.environment();
        var between = digestsBetween(service, ranEnvironment, behind ? down : up, behind ? up : down);
        var relation = behind ? Relation.BEHIND : Relation.AHEAD;
        return new Gap(upstream.environment(), downstream.environment(), relation, between.size(), between);
    }

    /** Returns the digests that ran in the environment, born after {@code older} up to and including {@code newer}. */
    private List<String> digestsBetween(String service, String environment, String older, String newer) {
        int from = birthOrder.get(older);
        int to = birthOrder.get(newer);
        return deployedByServiceAndEnvironment
                .getOrDefault(service, Map.of())
                .getOrDefault(environment, Set.of())
                .stream()
                .filter(digest -> birthOrder.get(digest) > from && birthOrder.get(digest) <= to)
                .sorted(Comparator.comparing(birthOrder::get))
                .toList();
    }

    /** Returns the digest, or the image reference when the digest was not resolved. */
    static String identity(DeploymentEntry deployment) {
        if (deployment.images().isEmpty()) {
            return deployment.taskDefinitionArn();
        }
        DeployedImage image = deployment.images().get(0);
        return image.digest() != null ? image.digest() : image.image();
    }
}
