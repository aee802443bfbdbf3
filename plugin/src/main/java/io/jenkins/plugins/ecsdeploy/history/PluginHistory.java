package io.jenkins.plugins.ecsdeploy.history;

import dev.ecsdeploy.core.dashboard.DashboardQuery;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.CompactionResult;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.RetentionPolicy;
import io.jenkins.plugins.ecsdeploy.config.EcsDeployGlobalConfiguration;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * The Jenkins-wide deployment history: one core {@link HistoryStore} under {@code JENKINS_HOME/ecs-deploy/history},
 * shared by every job, so two jobs that deploy the same service agree on what runs there (decision record 0013).
 * Steps and builders record into {@link #store()}; the pages read through {@link #query()}, whose in-memory index
 * lives as long as this object.
 */
public final class PluginHistory {
    private static final Logger LOGGER = Logger.getLogger(PluginHistory.class.getName());
    private static volatile PluginHistory installed;

    private final HistoryStore store;
    private final TaskDefinitionArchive taskDefinitions;
    private final Supplier<List<String>> environmentOrder;
    private final Clock clock;
    private DashboardQuery query;

    PluginHistory(Path directory, Supplier<List<String>> environmentOrder, Clock clock) {
        this.store = HistoryStore.open(directory, ProgressListener.NONE);
        this.taskDefinitions = new TaskDefinitionArchive(directory.resolve("task-definitions"));
        this.environmentOrder = environmentOrder;
        this.clock = clock;
    }

    /** The history of this Jenkins, or the one a test installed. */
    public static PluginHistory get() {
        PluginHistory history = installed;
        if (history == null) {
            synchronized (PluginHistory.class) {
                if (installed == null) {
                    PluginHistory created = new PluginHistory(
                            new JenkinsFacade()
                                    .rootDirectory()
                                    .resolve("ecs-deploy")
                                    .resolve("history"),
                            () -> EcsDeployGlobalConfiguration.get().getEnvironmentNames(),
                            Clock.systemUTC());
                    repairQuietly(created); // before anyone records: a rebuild must not race an append
                    Supplier<RetentionPolicy> configured =
                            () -> EcsDeployGlobalConfiguration.get().historyRetention();
                    created.applyRetention(configured);
                    Timer.get().scheduleAtFixedRate(() -> created.applyRetention(configured), 1, 1, TimeUnit.DAYS);
                    installed = created;
                }
                history = installed;
            }
        }
        return history;
    }

    /**
     * Compacts the store to the configured retention (global configuration: days and entries per target); what runs
     * now in every target is always kept. A store that keeps everything is left as it is.
     *
     * @return whether the store was compacted
     */
    public boolean applyRetention(Supplier<RetentionPolicy> retention) {
        try {
            RetentionPolicy policy = retention.get();
            if (policy.equals(RetentionPolicy.keepAll())) {
                return false;
            }
            CompactionResult result = store.compact(policy);
            LOGGER.info("ecs-deploy history: retention " + policy + " applied: " + result);
            return true;
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ecs-deploy history: retention not applied to " + store.directory(), e);
            return false;
        }
    }

    /** A damaged or lost journal is rebuilt from the builds once, when the history is first used. */
    private static void repairQuietly(PluginHistory history) {
        try {
            HistoryRepair.repairIfNeeded(history.store, HistoryRepair.of(new JenkinsFacade()), LOGGER::warning);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "ecs-deploy history: could not check or repair " + history.store.directory(), e);
        }
    }

    /** Points the history at {@code directory} for tests and benchmarks; {@code null} goes back to JENKINS_HOME. */
    public static PluginHistory install(Path directory, List<String> environmentOrder, Clock clock) {
        installed = directory == null ? null : new PluginHistory(directory, () -> environmentOrder, clock);
        return installed;
    }

    public HistoryStore store() {
        return store;
    }

    /** The task definitions kept for diffs: whoever registers one puts its JSON here, pages read it. */
    public TaskDefinitionArchive taskDefinitions() {
        return taskDefinitions;
    }

    public Clock clock() {
        return clock;
    }

    /** The query service over the store; its index is built on first use and then refreshed by each query. */
    public synchronized DashboardQuery query() {
        if (query == null) {
            query = DashboardQuery.create(store, environmentOrder.get(), taskDefinitions::read, clock);
        }
        return query;
    }
}
