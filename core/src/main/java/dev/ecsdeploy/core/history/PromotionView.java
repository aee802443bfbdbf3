package dev.ecsdeploy.core.history;

import java.time.Instant;
import java.util.List;

/**
 * Which image runs in which environment, per service, and how far each environment lags the one before it.
 *
 * @param environments the environments in promotion order (dev → staging → prod)
 * @param services one row per service, sorted by name
 */
public record PromotionView(List<String> environments, List<ServiceRow> services) {
    public PromotionView {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
    }

    /**
     * One service across the environments.
     *
     * @param service the service name
     * @param cells what runs in each environment, in {@link #environments()} order
     * @param gaps how each environment compares to the one before it: one gap per adjacent pair
     */
    public record ServiceRow(String service, List<Cell> cells, List<Gap> gaps) {
        public ServiceRow {
            cells = List.copyOf(cells);
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * What runs in one environment.
     *
     * @param environment the environment
     * @param digest the running digest (or image, when the digest is unknown); null when nothing was deployed
     * @param since when it started running
     * @param deploymentId the deployment that put it there
     */
    public record Cell(String environment, String digest, Instant since, String deploymentId) {}

    /**
     * How a downstream environment compares to the one before it.
     *
     * @param upstream the earlier environment (dev)
     * @param downstream the later environment (staging)
     * @param relation in sync, behind, ahead, or missing when either side has nothing deployed
     * @param count how many digests apart: the upstream digests the downstream has not caught up with (behind) or
     *     the downstream digests upstream has not seen yet (ahead)
     * @param digests those digests, oldest first
     */
    public record Gap(String upstream, String downstream, Relation relation, int count, List<String> digests) {
        public Gap {
            digests = List.copyOf(digests);
        }
    }

    /** How a downstream environment compares to its upstream. */
    public enum Relation {
        IN_SYNC,
        BEHIND,
        AHEAD,
        MISSING
    }
}
