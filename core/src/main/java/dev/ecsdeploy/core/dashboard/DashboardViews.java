package dev.ecsdeploy.core.dashboard;

import dev.ecsdeploy.core.history.HistoryEvent;
import dev.ecsdeploy.core.spec.SpecDiff;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes the dashboard page reads; every string in them is data, rendered as text. */
public final class DashboardViews {
    private DashboardViews() {}

    /**
     * One deployment as the timeline and the drill-downs show it.
     *
     * @param id the deployment id
     * @param time when it started
     * @param finishedAt when it ended, or null
     * @param environment the environment
     * @param application the application
     * @param service the service
     * @param target the target key (account/region/cluster/service)
     * @param status the status
     * @param strategy the strategy
     * @param digest the primary image's digest
     * @param tag the primary image's tag
     * @param taskDefinitionArn the task definition
     * @param user who started it (or what triggered it)
     * @param job the job
     * @param buildNumber the build number
     * @param buildUrl the build page
     * @param branch the branch
     * @param reason why it ended as it did
     * @param details more about the reason
     * @param rollback whether it went back to an older digest
     * @param gatePassed the gate decision at deploy time, or null without a gate
     * @param allowListed findings an allow-list override waived
     * @param events what happened, oldest first
     */
    public record Deployment(
            String id,
            Instant time,
            Instant finishedAt,
            String environment,
            String application,
            String service,
            String target,
            String status,
            String strategy,
            String digest,
            String tag,
            String taskDefinitionArn,
            String user,
            String job,
            Integer buildNumber,
            String buildUrl,
            String branch,
            String reason,
            String details,
            boolean rollback,
            Boolean gatePassed,
            List<String> allowListed,
            List<HistoryEvent> events) {}

    /**
     * A page of deployments.
     *
     * @param items the deployments on the page
     * @param offset how many come before it
     * @param limit the page size
     * @param more whether another page follows
     */
    public record Page(List<Deployment> items, int offset, int limit, boolean more) {}

    /**
     * What runs in one target of one environment and application.
     *
     * @param environment the environment
     * @param application the application
     * @param target the target key, for the drill-down
     * @param running what runs (null when nothing succeeded yet)
     * @param latestStatus the status of the latest attempt
     * @param latestId the latest attempt's id
     * @param since since when it runs
     * @param openFindings the running digest's findings per severity, as last scanned
     * @param newFindings ids of findings that appeared since the deploy
     * @param knownGood the id of the last known-good deployment of the target, or null
     */
    public record Cell(
            String environment,
            String application,
            String target,
            Deployment running,
            String latestStatus,
            String latestId,
            Instant since,
            Map<String, Integer> openFindings,
            List<String> newFindings,
            String knownGood) {}

    /**
     * What runs now: environments (in order) by applications.
     *
     * @param environments the environments, in their configured order
     * @param applications the applications, by name
     * @param cells one per target
     */
    public record Now(List<String> environments, List<String> applications, List<Cell> cells) {}

    /**
     * What changed between two deployments.
     *
     * @param from the older side
     * @param to the newer side
     * @param digestChanged whether the primary digest differs
     * @param taskDefinitionChanges the task definition changes, when both definitions were available
     * @param revisions the source revisions (from the image's revision label), before then after
     * @param findingsAdded finding ids in {@code to} and not in {@code from}
     * @param findingsRemoved finding ids in {@code from} and not in {@code to}
     */
    public record Diff(
            Deployment from,
            Deployment to,
            boolean digestChanged,
            List<SpecDiff.Change> taskDefinitionChanges,
            List<String> revisions,
            List<String> findingsAdded,
            List<String> findingsRemoved) {}

    /**
     * Where one application stands in one environment relative to the environment before it.
     *
     * @param environment the environment
     * @param digest what runs there, or null
     * @param tag its tag
     * @param relation SAME, AHEAD, BEHIND or MISSING (the first environment is SAME)
     * @param distance by how many digests
     */
    public record Stage(String environment, String digest, String tag, String relation, long distance) {}

    /**
     * One application along the environments.
     *
     * @param application the application
     * @param stages one per environment, in order
     */
    public record Promotion(String application, List<Stage> stages) {}

    /**
     * Delivery metrics of one environment over the window.
     *
     * @param environment the environment
     * @param deployments how many deployments finished
     * @param deploymentsPerDay deployment frequency
     * @param changeFailureRate failed or rolled-back deployments over all finished ones (0..1)
     * @param meanTimeToRestoreMinutes mean time from a failed deployment to the next success of the target
     * @param medianLeadTimeMinutes median time from commit to success in this environment, or null
     * @param perDay deployments per day (ISO date to count), oldest first
     */
    public record Metrics(
            String environment,
            int deployments,
            double deploymentsPerDay,
            double changeFailureRate,
            Double meanTimeToRestoreMinutes,
            Double medianLeadTimeMinutes,
            Map<String, Integer> perDay) {}
}
