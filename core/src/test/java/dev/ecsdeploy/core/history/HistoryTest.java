package dev.ecsdeploy.core.history;

import static dev.ecsdeploy.core.history.HistoryFixtures.WEB_1;
import static dev.ecsdeploy.core.history.HistoryFixtures.WEB_2;
import static dev.ecsdeploy.core.history.HistoryFixtures.WEB_3;
import static dev.ecsdeploy.core.history.HistoryFixtures.WORKER_1;
import static dev.ecsdeploy.core.history.HistoryFixtures.at;
import static dev.ecsdeploy.core.history.HistoryFixtures.demoHistory;
import static dev.ecsdeploy.core.history.HistoryFixtures.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.history.PromotionView.Gap;
import dev.ecsdeploy.core.history.PromotionView.Relation;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private final History history = History.of(demoHistory());

    @Test
    void shouldKeepOnlyTheNewestSnapshotOfEachOperation() {
        assertThat(history.entries()).hasSize(demoHistory().size() - 1);
        assertThat(history.entries())
                .filteredOn(entry -> entry.id().equals("d-6"))
                .singleElement()
                .extracting(HistoryEntry::status)
                .isEqualTo(OperationStatus.ROLLED_BACK);
    }

    @Test
    void shouldTellWhatRunsNowInEachEnvironment() {
        var current = history.currentByEnvironment();

        assertThat(current.keySet()).containsExactly("dev", "staging", "prod");
        assertThat(current.get("dev")).extracting(ServiceState::service).containsExactly("web", "worker");
        assertThat(current.get("dev")).extracting(ServiceState::runningDigest).containsExactly(WEB_3, WORKER_1);
        assertThat(state("prod", "web").running().id()).isEqualTo("d-3");
        assertThat(state("prod", "web").latest().status()).isEqualTo(OperationStatus.ROLLED_BACK);
        assertThat(state("prod", "web").since()).isEqualTo(at(38));
        assertThat(state("dev", "worker").latest().status()).isEqualTo(OperationStatus.FAILED);
        assertThat(state("staging", "api").running()).isNull();
        assertThat(state("staging", "api").latest().status()).isEqualTo(OperationStatus.IN_PROGRESS);
    }

    @Test
    void shouldKeepTheNewerAttemptAsLatestWhenAnOlderOneFinishesLater() {
        var older = deployment("old", "dev", "web", "rolling", WEB_1, 0, OperationStatus.IN_PROGRESS, null);
        var newer = deployment("new", "dev", "web", "rolling", WEB_2, 5, OperationStatus.IN_PROGRESS, null);
        var olderDone = deployment("old", "dev", "web", "rolling", WEB_1, 0, OperationStatus.SUCCEEDED, null);

        var state = History.of(List.of(older, newer, olderDone)).current().get(0);

        assertThat(state.running()).isEqualTo(olderDone);
        assertThat(state.latest()).isEqualTo(newer);
    }

    @Test
    void shouldFindTheLastSuccessfulDeployment() {
        assertThat(history.lastSuccessful("prod", "web")).map(HistoryEntry::id).contains("d-3");
        assertThat(history.lastSuccessful("dev", "worker"))
                .map(HistoryEntry::id)
                .contains("d-8");
        assertThat(history.lastSuccessful("staging", "api")).isEmpty();
        assertThat(history.lastSuccessful("nowhere", "web")).isEmpty();
    }

    @Test
    void shouldFilterTheTimelineNewestFirst() {
        assertThat(history.timeline(TimelineFilter.all().withEnvironment("prod")))
                .extracting(HistoryEntry::id)
                .containsExactly("t-1", "d-6", "d-9", "d-3");
        assertThat(history.timeline(TimelineFilter.all().withStatus(OperationStatus.ROLLED_BACK)))
                .extracting(HistoryEntry::id)
                .containsExactly("d-6");
        assertThat(history.timeline(TimelineFilter.all().withService("worker").withKind(EntryKind.DEPLOYMENT)))
                .extracting(HistoryEntry::id)
                .containsExactly("d-10", "d-9", "d-8");
        assertThat(history.timeline(TimelineFilter.all().withTimeRange(at(100), at(130))))
                .extracting(HistoryEntry::id)
                .containsExactly("d-5", "d-4", "b-102");
        assertThat(history.timeline(TimelineFilter.all().withText("MIGRATION 0042")))
                .extracting(HistoryEntry::id)
                .containsExactly("t-2", "t-1");
        assertThat(history.timeline(TimelineFilter.all().withText("circuit breaker")))
                .extracting(HistoryEntry::id)
                .containsExactly("d-6");
        assertThat(history.timeline(TimelineFilter.all()))
                .hasSize(history.entries().size());
    }

    @Test
    void shouldShowHowFarEachEnvironmentIsBehindTheOneBefore() {
        PromotionView view = history.promotion(List.of("dev", "staging", "prod"));

        assertThat(view.services())
                .extracting(PromotionView.ServiceRow::service)
                .containsExactly("api", "web", "worker");
        var web = view.services().get(1);
        assertThat(web.cells()).extracting(PromotionView.Cell::digest).containsExactly(WEB_3, WEB_2, WEB_1);
        assertThat(web.gaps())
                .containsExactly(
                        new Gap("dev", "staging", Relation.BEHIND, 1, List.of(WEB_3)),
                        new Gap("staging", "prod", Relation.BEHIND, 1, List.of(WEB_2)));
        var worker = view.services().get(2);
        assertThat(worker.gaps()).extracting(Gap::relation).containsExactly(Relation.MISSING, Relation.MISSING);
    }

    @Test
    void shouldCountEveryDigestUpstreamRanSinceWhatDownstreamRuns() {
        var entries = new ArrayList<>(demoHistory());
        entries.add(deployment(
                "d-20", "dev", "web", "rolling", HistoryFixtures.digest('4'), 300, OperationStatus.SUCCEEDED, null));

        var view = History.of(entries).promotion(List.of("dev", "prod"));

        assertThat(view.services())
                .extracting(PromotionView.ServiceRow::service)
                .containsExactly("web", "worker");
        assertThat(view.services().get(1).gaps()).extracting(Gap::relation).containsExactly(Relation.IN_SYNC);
        assertThat(view.services().get(0).gaps())
                .containsExactly(
                        new Gap("dev", "prod", Relation.BEHIND, 3, List.of(WEB_2, WEB_3, HistoryFixtures.digest('4'))));
    }

    @Test
    void shouldSayDownstreamIsAheadAfterAHotfixWentStraightToIt() {
        var entries = new ArrayList<>(demoHistory());
        entries.add(deployment(
                "hotfix", "prod", "web", "rolling", HistoryFixtures.digest('9'), 300, OperationStatus.SUCCEEDED, null));

        var web = History.of(entries)
                .promotion(List.of("staging", "prod"))
                .services()
                .get(1);

        assertThat(web.gaps())
                .containsExactly(new Gap("staging", "prod", Relation.AHEAD, 1, List.of(HistoryFixtures.digest('9'))));
    }

    @Test
    void shouldOrderEnvironmentsTheWayCodeIsPromoted() {
        assertThat(EnvironmentOrder.sort(List.of("prod-eu", "qa", "zeta", "Staging", "dev", "alpha", "dev")))
                .containsExactly("dev", "qa", "Staging", "prod-eu", "alpha", "zeta");
        assertThat(EnvironmentOrder.sort(List.of("prod", "blue", "dev"), List.of("blue", "prod")))
                .containsExactly("blue", "prod", "dev");
        assertThat(history.environments()).containsExactly("dev", "staging", "prod");
    }

    @Test
    void shouldUseTheClusterAsEnvironmentWhenNoneWasGiven() {
        var deployment = DeploymentEntry.builder()
                .id("x")
                .recordedAt(at(0))
                .cluster("shop-dev")
                .service("web")
                .status(OperationStatus.SUCCEEDED)
                .build();

        assertThat(deployment.environment()).isEqualTo("shop-dev");
    }

    @Test
    void shouldRejectAnEntryWithoutItsIdentity() {
        assertThatThrownBy(() -> DeploymentEntry.builder()
                        .recordedAt(at(0))
                        .cluster("c")
                        .service("s")
                        .status(OperationStatus.SUCCEEDED)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("history entry is incomplete: id is missing");
    }

    @Test
    void shouldReadEveryEntryBackAsWritten() {
        for (HistoryEntry entry : demoHistory()) {
            byte[] line = HistoryJson.toLine(entry);

            assertThat(HistoryJson.parseLine(line, 0, line.length - 1).entry()).isEqualTo(entry);
        }
    }

    @Test
    void shouldReadAStatusThisVersionDoesNotKnowAsUnknown() {
        byte[] line = HistoryJson.toLine(demoHistory().get(1));
        String newer = new String(line).replace("\"SUCCEEDED\"", "\"PARTIALLY_SUCCEEDED\"");

        var parsed = HistoryJson.parseLine(newer.getBytes(), 0, newer.length() - 1);

        assertThat(parsed.entry().status()).isEqualTo(OperationStatus.UNKNOWN);
    }

    private ServiceState state(String environment, String service) {
        return history.current().stream()
                .filter(s -> s.environment().equals(environment) && s.service().equals(service))
                .findFirst()
                .orElseThrow();
    }
}
