package io.jenkins.plugins.ecsdeploy.history;

import static dev.ecsdeploy.core.history.HistoryFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryFixtures;
import dev.ecsdeploy.core.history.RetentionPolicy;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured retention compacts the Jenkins-wide history and never drops what runs now. */
class HistoryRetentionSettingTest {
    @TempDir
    Path home;

    @AfterEach
    void uninstall() {
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    private PluginHistory historyWithThreeDeploymentsOfOneService() {
        Clock tenDaysLater = Clock.fixed(HistoryFixtures.T0.plus(Duration.ofDays(10)), ZoneOffset.UTC);
        PluginHistory history = PluginHistory.install(home, List.of("prod"), tenDaysLater);
        history.store()
                .appendAll(List.of(
                        deployment(
                                "d-1",
                                "prod",
                                "web",
                                "rolling",
                                HistoryFixtures.WEB_1,
                                0,
                                OperationStatus.SUCCEEDED,
                                null),
                        deployment(
                                "d-2",
                                "prod",
                                "web",
                                "rolling",
                                HistoryFixtures.WEB_2,
                                60,
                                OperationStatus.SUCCEEDED,
                                null),
                        deployment(
                                "d-3",
                                "prod",
                                "web",
                                "rolling",
                                HistoryFixtures.WEB_3,
                                120,
                                OperationStatus.ROLLED_BACK,
                                "circuit breaker")));
        return history;
    }

    @Test
    void shouldDropWhatIsOlderThanConfiguredButKeepWhatRunsNowAndTheLatestAttempt() {
        PluginHistory history = historyWithThreeDeploymentsOfOneService();

        boolean compacted = history.applyRetention(() -> new RetentionPolicy(Duration.ofDays(1), 0));

        assertThat(compacted).isTrue();
        assertThat(history.store().history().entries())
                .extracting(HistoryEntry::id)
                .containsExactlyInAnyOrder("d-2", "d-3");
    }

    @Test
    void shouldLeaveTheStoreAsItIsWhenEverythingIsKept() throws Exception {
        PluginHistory history = historyWithThreeDeploymentsOfOneService();
        byte[] before = Files.readAllBytes(history.store().journalFile());

        boolean compacted = history.applyRetention(RetentionPolicy::keepAll);

        assertThat(compacted).isFalse();
        assertThat(Files.readAllBytes(history.store().journalFile())).isEqualTo(before);
    }

    @Test
    void shouldKeepTheConfiguredNumberPerTargetAndWhatRunsNow() {
        PluginHistory history = historyWithThreeDeploymentsOfOneService();

        history.applyRetention(() -> new RetentionPolicy(null, 1));

        assertThat(history.store().history().entries())
                .extracting(HistoryEntry::id)
                .containsExactlyInAnyOrder("d-2", "d-3");
    }
}
