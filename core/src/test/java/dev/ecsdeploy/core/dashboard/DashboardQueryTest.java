package dev.ecsdeploy.core.dashboard;

import static dev.ecsdeploy.core.dashboard.DashboardFixtures.XSS;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.at;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.deployment;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.digest;
import static dev.ecsdeploy.core.dashboard.DashboardFixtures.finding;
import static dev.ecsdeploy.core.operation.OperationStatus.FAILED;
import static dev.ecsdeploy.core.operation.OperationStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.dashboard.DashboardViews.Cell;
import dev.ecsdeploy.core.dashboard.DashboardViews.Deployment;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.core.history.KnownGoodMark;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.RecordedScan;
import dev.ecsdeploy.core.source.SourceCommit;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueryTest {
    private static final Predicate<String> EVERYONE = job -> true;

    @TempDir
    Path directory;

    private HistoryStore store;

    @BeforeEach
    void openStore() {
        store = HistoryStore.builder()
                .directory(directory)
                .progressListener(ProgressListener.NONE)
                .syncOnAppend(false)
                .build();
    }

    private DashboardQuery query() {
        return DashboardQuery.create(
                store, List.of("dev", "staging", "prod"), arn -> null, Clock.fixed(at(24 * 60), ZoneOffset.UTC));
    }

    @Test
    void shouldGiveAUserWhoMayReadOneOfTwoJobsNothingOfTheOther() {
        store.append(deployment("d-a1", "team/alpha", "dev", "hello", 1, 0, SUCCEEDED)
                .build());
        store.append(deployment("d-b1", "team/bravo", "dev", "secret-app", 9, 1, SUCCEEDED)
                .reason("bravo-only-reason")
                .build());
        store.append(
                deployment("d-b2", "team/bravo", "prod", "hello", 7, 2, FAILED).build());
        var api = new DashboardApi(query());
        Predicate<String> alphaOnly = "team/alpha"::equals;

        var answers = List.of(
                api.handle("now", Map.of(), alphaOnly),
                api.handle("timeline", Map.of(), alphaOnly),
                api.handle("timeline", Map.of("text", "bravo"), alphaOnly),
                api.handle("target", Map.of("target", "123456789012/eu-west-1/dev/secret-app-dev"), alphaOnly),
                api.handle("diff", Map.of("from", "d-a1", "to", "d-b2"), alphaOnly),
                api.handle(
                        "diff",
                        Map.of("application", "hello", "fromEnvironment", "dev", "toEnvironment", "prod"),
                        alphaOnly),
                api.handle("promotion", Map.of(), alphaOnly),
                api.handle("metrics", Map.of(), alphaOnly));

        assertThat(answers)
                .allSatisfy(answer -> assertThat(answer.json())
                        .doesNotContain("bravo", "secret-app", "d-b1", "d-b2", digest(9), digest(7), "prod"));
        assertThat(answers.get(1).json()).contains("d-a1", "team/alpha");
        assertThat(api.handle("timeline", Map.of(), EVERYONE).json()).contains("d-b1", "d-b2", "bravo-only-reason");
    }

    @Test
    void shouldMarkARedeployOfAnOlderDigestAsARollback() {
        store.append(deployment("d-1", "j", "prod", "hello", 1, 0, SUCCEEDED).build());
        store.append(deployment("d-2", "j", "prod", "hello", 2, 10, SUCCEEDED).build());
        store.append(deployment("d-3", "j", "prod", "hello", 1, 20, SUCCEEDED).build());
        store.append(deployment("d-4", "j", "prod", "hello", 3, 30, SUCCEEDED).build());

        var items = query().timeline(TimelineQuery.newest(), EVERYONE).items();

        assertThat(items).extracting(Deployment::id).containsExactly("d-4", "d-3", "d-2", "d-1");
        assertThat(items).extracting(Deployment::rollback).containsExactly(false, true, false, false);
    }

    @Test
    void shouldShowWhatRunsNowInTheConfiguredOrderAndFlagFindingsThatAppearedSinceTheDeploy() {
        store.append(deployment("d-prod", "j", "prod", "hello", 1, 0, SUCCEEDED).build());
        store.append(deployment("d-dev", "j", "dev", "hello", 2, 10, SUCCEEDED).build());
        store.append(deployment("d-dev-bad", "j", "dev", "hello", 3, 20, FAILED).build());
        store.append(rescan(digest(1), List.of("CVE-2026-1", "CVE-2026-NEW")));
        store.markKnownGood(new KnownGoodMark(
                store.history().entries().stream()
                        .filter(e -> e.id().equals("d-prod"))
                        .map(e -> ((dev.ecsdeploy.core.history.DeploymentEntry) e).target())
                        .findFirst()
                        .orElseThrow(),
                "d-prod",
                digest(1),
                null,
                "alice",
                at(30)));

        var now = query().now(EVERYONE);

        assertThat(now.environments()).containsExactly("dev", "prod");
        assertThat(now.cells()).extracting(Cell::environment).containsExactly("dev", "prod");
        Cell dev = now.cells().get(0);
        assertThat(dev.running().id()).isEqualTo("d-dev");
        assertThat(dev.latestStatus()).isEqualTo("FAILED");
        assertThat(dev.latestId()).isEqualTo("d-dev-bad");
        Cell prod = now.cells().get(1);
        assertThat(prod.running().digest()).isEqualTo(digest(1));
        assertThat(prod.running().user()).isEqualTo("user-j");
        assertThat(prod.openFindings()).containsEntry("HIGH", 2);
        assertThat(prod.newFindings()).containsExactly("CVE-2026-NEW");
        assertThat(prod.knownGood()).isEqualTo("d-prod");
        assertThat(dev.knownGood()).isNull();
    }

    @Test
    void shouldFilterByEnvironmentApplicationStatusAndTextAndPage() {
        for (int i = 0; i < 30; i++) {
            String environment = i % 3 == 0 ? "prod" : "dev";
            store.append(deployment("d-" + i, "j", environment, i % 2 == 0 ? "hello" : "world", i, i, SUCCEEDED)
                    .status(i % 5 == 0 ? FAILED : SUCCEEDED)
                    .reason(i == 12 ? "needle in the haystack" : null)
                    .build());
        }
        var query = query();

        var prodHello = query.timeline(new TimelineQuery("prod", "hello", null, null, false, 0, 50), EVERYONE);
        var failed = query.timeline(new TimelineQuery(null, null, "FAILED", null, true, 0, 50), EVERYONE);
        var text = query.timeline(new TimelineQuery(null, null, null, "NEEDLE", false, 0, 50), EVERYONE);
        var second = query.timeline(new TimelineQuery(null, null, null, null, false, 10, 10), EVERYONE);

        assertThat(prodHello.items()).extracting(Deployment::id).containsExactly("d-24", "d-18", "d-12", "d-6", "d-0");
        assertThat(failed.items())
                .extracting(Deployment::id)
                .containsExactly("d-0", "d-5", "d-10", "d-15", "d-20", "d-25");
        assertThat(text.items()).extracting(Deployment::id).containsExactly("d-12");
        assertThat(second.items()).extracting(Deployment::id).startsWith("d-19").endsWith("d-10");
        assertThat(second.more()).isTrue();
        assertThat(query.timeline(new TimelineQuery(null, null, null, null, false, 20, 10), EVERYONE)
                        .more())
                .isFalse();
    }

    @Test
    void shouldDiffTwoDeploymentsAndTwoEnvironments() {
        store.append(deployment("d-1", "j", "prod", "hello", 1, 0, SUCCEEDED).build());
        store.append(deployment("d-2", "j", "dev", "hello", 2, 10, SUCCEEDED)
                .scan(new RecordedScan("COMPLETE", at(10), Map.of("HIGH", 1), List.of(finding("CVE-NEW"))))
                .build());
        var query = DashboardQuery.create(
                store,
                List.of("dev", "prod"),
                arn -> dev.ecsdeploy.core.history.HistoryJson.newMapper()
                        .createObjectNode()
                        .put("family", "hello")
                        .put("cpu", arn.endsWith(":1") ? "256" : "512"),
                Clock.systemUTC());

        var byIds = query.diff("d-1", "d-2", EVERYONE).orElseThrow();
        var byEnvironments =
                query.diffEnvironments("hello", "prod", "dev", EVERYONE).orElseThrow();

        assertThat(byIds.digestChanged()).isTrue();
        assertThat(byIds.from().tag()).isEqualTo("v1");
        assertThat(byIds.to().tag()).isEqualTo("v2");
        assertThat(byIds.taskDefinitionChanges()).singleElement().satisfies(change -> {
            assertThat(change.before()).contains("256");
            assertThat(change.after()).contains("512");
        });
        assertThat(byIds.revisions()).containsExactly("rev1", "rev2");
        assertThat(byIds.findingsAdded()).containsExactly("CVE-NEW");
        assertThat(byIds.findingsRemoved()).containsExactly("CVE-2026-1");
        assertThat(byEnvironments).isEqualTo(byIds);
        assertThat(query.diff("d-1", "missing", EVERYONE)).isEmpty();
    }

    @Test
    void shouldShowWhichDigestIsAheadOrBehindBetweenEnvironments() {
        store.append(deployment("p-1", "j", "prod", "hello", 1, 0, SUCCEEDED).build());
        store.append(
                deployment("s-2", "j", "staging", "hello", 2, 10, SUCCEEDED).build());
        store.append(deployment("d-3", "j", "dev", "hello", 3, 20, SUCCEEDED).build());
        store.append(deployment("d-4", "j", "dev", "hello", 4, 30, SUCCEEDED).build());
        store.append(deployment("x-8", "j", "dev", "hotfix", 8, 30, SUCCEEDED).build());
        store.append(deployment("x-9", "j", "prod", "hotfix", 9, 40, SUCCEEDED).build()); // a hotfix straight to prod

        var promotion = query().promotion(EVERYONE);

        assertThat(promotion).extracting(DashboardViews.Promotion::application).containsExactly("hello", "hotfix");
        assertThat(promotion.get(0).stages())
                .extracting(
                        DashboardViews.Stage::environment,
                        DashboardViews.Stage::relation,
                        DashboardViews.Stage::distance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dev", "SAME", 0L),
                        org.assertj.core.groups.Tuple.tuple("staging", "BEHIND", 2L),
                        org.assertj.core.groups.Tuple.tuple("prod", "BEHIND", 1L));
        assertThat(promotion.get(1).stages())
                .extracting(DashboardViews.Stage::relation)
                .containsExactly("SAME", "MISSING", "AHEAD");
    }

    @Test
    void shouldComputeDeliveryMetricsPerEnvironment() {
        store.append(deployment("d-1", "j", "prod", "hello", 1, 0, SUCCEEDED).build());
        store.append(deployment("d-2", "j", "prod", "hello", 2, 60, FAILED).build());
        store.append(deployment("d-3", "j", "prod", "hello", 3, 90, SUCCEEDED).build());
        store.append(deployment("d-4", "j", "prod", "hello", 1, 120, SUCCEEDED).build());

        var metrics = query().metrics(Duration.ofDays(2), EVERYONE);

        assertThat(metrics).singleElement().satisfies(prod -> {
            assertThat(prod.deployments()).isEqualTo(4);
            assertThat(prod.deploymentsPerDay()).isEqualTo(1.5);
            assertThat(prod.changeFailureRate()).isEqualTo(0.5); // d-2 failed, d-4 went back to digest 1
            assertThat(prod.meanTimeToRestoreMinutes()).isEqualTo(30.0);
            assertThat(prod.medianLeadTimeMinutes()).isEqualTo(65.0);
            assertThat(prod.perDay()).containsExactly(Map.entry("2026-11-20", 3));
        });
    }

    @Test
    void shouldGiveALeadTimeAndADiffNamingBothRevisionsOnceBuildsRecordTheirCommits() {
        HistoryRecorder recorder = HistoryRecorder.builder()
                .store(store)
                .clock(Clock.fixed(at(0), ZoneOffset.UTC))
                .region("eu-west-1")
                .origin(new Origin("ana", "team/hello", 7, null))
                .imageBuilds(HistoryRecorder.newestBuildIn(store))
                .build();
        buildAndDeploy(recorder, "d-old", digest(1), new SourceCommit("aaa111", at(60)), at(120));
        buildAndDeploy(recorder, "d-new", digest(2), new SourceCommit("bbb222", at(600)), at(690));

        var metrics = query().metrics(Duration.ofDays(2), EVERYONE);
        var diff = query().diff("d-old", "d-new", EVERYONE).orElseThrow();

        assertThat(metrics)
                .singleElement()
                .satisfies(dev -> assertThat(dev.medianLeadTimeMinutes())
                        .isEqualTo(75.0)); // 60 and 90 minutes from commit to success
        assertThat(diff.revisions()).containsExactly("aaa111", "bbb222");
        assertThat(diff.digestChanged()).isTrue();
    }

    private static void buildAndDeploy(
            HistoryRecorder recorder, String deploymentId, String digest, SourceCommit commit, Instant finishedAt) {
        var started = recorder.buildStarted("hello", List.of("1"), commit);
        recorder.buildFinished(
                started,
                new PushResult(
                        "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                        "123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello",
                        List.of("1"),
                        digest,
                        "application/vnd.oci.image.manifest.v1+json",
                        1,
                        commit.committedAt(),
                        "jib",
                        true),
                null,
                null);
        recorder.deploymentFinished(new DeploymentRecord(
                "dev",
                "dev",
                "hello-dev",
                "ROLLING",
                null,
                "arn:aws:ecs:eu-west-1:123456789012:task-definition/hello:1",
                Map.of("app", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello@" + digest),
                deploymentId,
                null,
                DeploymentStatus.SUCCESSFUL,
                "",
                finishedAt.minusSeconds(60),
                finishedAt,
                List.of()));
    }

    @Test
    void shouldReadOnlyTheLinesOfThePageWhateverTheNumberOfEntries() {
        var small = pageBytes(100);
        var large = pageBytes(2_000);

        assertThat(large).isEqualTo(small);
    }

    @Test
    void shouldKeepHostileStringsAsDataInTheJson() {
        store.append(
                deployment("d-x", "j", "dev", "hello", 1, 0, FAILED).reason(XSS).build());

        var json =
                new DashboardApi(query()).handle("timeline", Map.of(), EVERYONE).json();

        assertThat(json).contains("\"reason\":\"<img src=x onerror=alert(1)>\"");
    }

    private long pageBytes(int entries) {
        var fresh = HistoryStore.builder()
                .directory(directory.resolve("n" + entries))
                .progressListener(ProgressListener.NONE)
                .syncOnAppend(false)
                .build();
        var batch = new java.util.ArrayList<dev.ecsdeploy.core.history.DeploymentEntry>();
        for (int i = 0; i < entries; i++) {
            batch.add(deployment(
                            String.format("d-%06d", i),
                            "job-" + (i % 7),
                            "dev",
                            "hello",
                            i % 900 + 100,
                            10_000 + i,
                            SUCCEEDED)
                    .build());
        }
        fresh.appendAll(batch);
        var query = DashboardQuery.create(fresh, List.of("dev"), arn -> null, Clock.systemUTC());
        long before = query.index().pageBytesRead();
        query.timeline(new TimelineQuery(null, null, null, null, false, 0, 20), EVERYONE);
        query.timeline(new TimelineQuery("dev", "hello", "SUCCEEDED", null, false, 0, 20), EVERYONE);
        return query.index().pageBytesRead() - before;
    }

    private static ImageBuildEntry rescan(String digest, List<String> findings) {
        return ImageBuildEntry.builder()
                .id("rescan-" + digest)
                .recordedAt(at(40))
                .repository("team/hello")
                .digest(digest)
                .status(SUCCEEDED)
                .scan(new RecordedScan(
                        "COMPLETE",
                        at(40),
                        Map.of("HIGH", findings.size()),
                        findings.stream().map(DashboardFixtures::finding).toList()))
                .origin(new dev.ecsdeploy.core.history.Origin("scanner", "j", 99, null))
                .build();
    }
}
