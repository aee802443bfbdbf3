package io.jenkins.plugins.ecsdeploy.dashboard;

import static dev.ecsdeploy.core.operation.OperationStatus.FAILED;
import static dev.ecsdeploy.core.operation.OperationStatus.SUCCEEDED;
import static io.jenkins.plugins.ecsdeploy.dashboard.Deployments.at;
import static io.jenkins.plugins.ecsdeploy.dashboard.Deployments.deployment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import hudson.model.Job;
import io.jenkins.plugins.ecsdeploy.history.PluginHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.POST;

class DeploymentsActionTest {
    private static final String ALPHA = "team/alpha";
    private static final String BRAVO = "team/bravo";
    private static final String TARGET_BRAVO = "123456789012/eu-west-1/prod/bravo-app-prod";

    @TempDir
    Path directory;

    private PluginHistory history;

    @BeforeEach
    void recordTwoJobs() {
        history = PluginHistory.install(
                directory.resolve("history"), List.of("dev", "prod"), Clock.fixed(at(600), ZoneOffset.UTC));
        var store = history.store();
        store.append(deployment("a-1", ALPHA, "prod", "hello", 1, 0, SUCCEEDED).build());
        store.append(deployment("a-2", ALPHA, "dev", "hello", 2, 60, SUCCEEDED).build());
        store.append(deployment("a-3", ALPHA, "dev", "hello", 3, 90, FAILED).build());
        store.append(deployment("b-1", BRAVO, "prod", "bravo-app", 9, 120, SUCCEEDED)
                .reason("secret-bravo-reason")
                .build());
        store.append(
                deployment("b-2", BRAVO, "dev", "bravo-app", 8, 130, SUCCEEDED).build());
        store.append(deployment("c-1", "teamx/charlie", "dev", "charlie", 7, 140, SUCCEEDED)
                .build());
    }

    @AfterEach
    void uninstall() {
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    @Test
    void shouldGiveAUserWhoMayReadOneOfTwoJobsNothingOfTheOtherFromAnyEndpoint() throws IOException {
        var everywhere = new GlobalDeploymentsAction(FakePermissions.reader("ann", ALPHA), () -> history);

        Map<String, Map<String, String>> requests = Map.of(
                "now", Map.of(),
                "timeline", Map.of(),
                "target", Map.of("target", TARGET_BRAVO),
                "diff", Map.of("from", "a-1", "to", "b-1"),
                "promotion", Map.of(),
                "metrics", Map.of("days", "3650"));
        for (var request : requests.entrySet()) {
            var reply = StaplerCalls.dynamic(everywhere, "GET", "/data/" + request.getKey(), request.getValue());
            assertThat(reply.text()).as(request.getKey()).doesNotContain("bravo", "b-1", "b-2", "charlie", "secret");
            assertThat(reply.contentType).isEqualTo("application/json;charset=UTF-8");
        }
        var byEnvironments = StaplerCalls.dynamic(
                everywhere,
                "GET",
                "/data/diff",
                Map.of("application", "bravo-app", "fromEnvironment", "dev", "toEnvironment", "prod"));
        assertThat(byEnvironments.status).isEqualTo(404);
        assertThat(byEnvironments.text()).doesNotContain("b-1", "b-2");

        var timeline = StaplerCalls.dynamic(everywhere, "GET", "/data/timeline", Map.of());
        assertThat(timeline.text()).contains("\"a-1\"", "\"a-2\"", "\"a-3\"");
    }

    @Test
    void shouldScopeAJobPageToItsJobAndAFolderPageToTheJobsBelowIt() throws IOException {
        var readsAll = FakePermissions.reader("ann", ALPHA, BRAVO, "teamx/charlie");
        Job<?, ?> alpha = mock(Job.class);
        when(alpha.getFullName()).thenReturn(ALPHA);
        AbstractFolder<?> team = mock(AbstractFolder.class);
        when(team.getFullName()).thenReturn("team");

        String jobTimeline = StaplerCalls.dynamic(
                        new JobDeploymentsAction(alpha, readsAll, () -> history), "GET", "/data/timeline", Map.of())
                .text();
        String folderTimeline = StaplerCalls.dynamic(
                        new FolderDeploymentsAction(team, readsAll, () -> history), "GET", "/data/timeline", Map.of())
                .text();

        assertThat(jobTimeline).contains("\"a-1\"").doesNotContain("\"b-1\"", "\"c-1\"");
        assertThat(folderTimeline).contains("\"a-1\"", "\"b-1\"").doesNotContain("\"c-1\"");
    }

    @Test
    void shouldShowTheJobPageBoxOfWhatRunsNowPerEnvironment() {
        Job<?, ?> alpha = mock(Job.class);
        when(alpha.getFullName()).thenReturn(ALPHA);

        var rows = new JobDeploymentsAction(alpha, FakePermissions.reader("ann", ALPHA, BRAVO), () -> history)
                .getRunning();

        assertThat(rows)
                .extracting(RunningRow::getEnvironment, RunningRow::getApplication, RunningRow::getStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dev", "hello", "FAILED"),
                        org.assertj.core.groups.Tuple.tuple("prod", "hello", "SUCCEEDED"));
        assertThat(rows.get(0).getImage())
                .isEqualTo("v2 " + Deployments.digest(2).substring(7, 19));
        assertThat(rows.get(0).getBuild()).isEqualTo(ALPHA + " #60");
    }

    @Test
    void shouldShowNoBoxRatherThanBreakTheJobPageWhenTheHistoryCannotBeRead() {
        Job<?, ?> alpha = mock(Job.class);
        when(alpha.getFullName()).thenReturn(ALPHA);
        when(alpha.getUrl()).thenReturn("job/team/job/alpha/");

        var rows = new JobDeploymentsAction(alpha, FakePermissions.reader("ann", ALPHA), () -> {
                    throw new java.io.UncheckedIOException(new IOException("disk gone"));
                })
                .getRunning();

        assertThat(rows).isEmpty();
    }

    @Test
    void shouldRefuseToMarkKnownGoodOnGet() throws IOException {
        var builder = new FakePermissions("bob", Set.of(ALPHA), Set.of(ALPHA));
        var reply = StaplerCalls.knownGood(
                new GlobalDeploymentsAction(builder, () -> history), "GET", Map.of("deployment", "a-2"));

        assertThat(reply.status).isEqualTo(405);
        assertThat(history.store().knownGoodMarks()).isEmpty();
    }

    @Test
    void shouldDeclareKnownGoodPostOnlySoStaplerRefusesOtherVerbs() throws NoSuchMethodException {
        var method = DeploymentsAction.class.getMethod("doKnownGood", StaplerRequest2.class, StaplerResponse2.class);

        assertThat(method.isAnnotationPresent(POST.class)).isTrue();
    }

    @Test
    void shouldRefuseToMarkKnownGoodWithoutBuildPermission() throws IOException {
        var reader = FakePermissions.reader("ann", ALPHA);
        var reply = StaplerCalls.knownGood(
                new GlobalDeploymentsAction(reader, () -> history), "POST", Map.of("deployment", "a-2"));

        assertThat(reply.status).isEqualTo(403);
        assertThat(history.store().knownGoodMarks()).isEmpty();
    }

    @Test
    void shouldAnswerADeploymentOfAnUnreadableJobAsMissing() throws IOException {
        var buildsBravoUnread = new FakePermissions("eve", Set.of(ALPHA), Set.of(ALPHA, BRAVO));
        var reply = StaplerCalls.knownGood(
                new GlobalDeploymentsAction(buildsBravoUnread, () -> history), "POST", Map.of("deployment", "b-1"));

        assertThat(reply.status).isEqualTo(404);
        assertThat(reply.text()).doesNotContain("bravo");
        assertThat(history.store().knownGoodMarks()).isEmpty();
    }

    @Test
    void shouldMarkKnownGoodWithBuildPermissionAndShowItInWhatRunsNow() throws IOException {
        var builder = new FakePermissions("bob", Set.of(ALPHA), Set.of(ALPHA));
        var action = new GlobalDeploymentsAction(builder, () -> history);

        var reply = StaplerCalls.knownGood(action, "POST", Map.of("deployment", "a-2", "from", "page"));

        assertThat(reply.status).isEqualTo(302);
        assertThat(reply.redirect).isEqualTo(".");
        assertThat(history.store().knownGoodMarks()).singleElement().satisfies(mark -> {
            assertThat(mark.deploymentId()).isEqualTo("a-2");
            assertThat(mark.markedBy()).isEqualTo("bob");
            assertThat(mark.digest()).isEqualTo(Deployments.digest(2));
            assertThat(mark.markedAt()).isEqualTo(at(600));
        });
        assertThat(StaplerCalls.dynamic(action, "GET", "/data/now", Map.of()).text())
                .contains("\"knownGood\":\"a-2\"");
    }

    @Test
    void shouldServeOnlyCoresAllowListedAssetsWithTheirContentTypes() throws IOException {
        var action = new GlobalDeploymentsAction(FakePermissions.reader("ann"), () -> history);

        var script = StaplerCalls.dynamic(action, "GET", "/assets/dashboard.js", Map.of());
        var style = StaplerCalls.dynamic(action, "GET", "/assets/dashboard.css", Map.of());
        var chart = StaplerCalls.dynamic(action, "GET", "/assets/vendor/chart.umd.min.js", Map.of());

        assertThat(script.contentType).isEqualTo("text/javascript;charset=UTF-8");
        assertThat(script.text()).contains("ecs-dashboard");
        assertThat(style.contentType).isEqualTo("text/css;charset=UTF-8");
        assertThat(chart.body.size()).isGreaterThan(100_000);
        assertThat(script.headers).containsEntry("X-Content-Type-Options", "nosniff");
        for (String hostile : List.of(
                "/assets/../../../../META-INF/MANIFEST.MF",
                "/assets/vendor/../dashboard.js",
                "/assets/dashboard.html",
                "/assets/%2e%2e/history/PluginHistory.class",
                "/elsewhere")) {
            var reply = StaplerCalls.dynamic(action, "GET", hostile, Map.of());
            assertThat(reply.status).as(hostile).isEqualTo(404);
            assertThat(reply.body.size()).as(hostile).isZero();
        }
    }

    @Test
    void shouldSetTheDataUrlOfCoresFragmentEscaped() {
        Job<?, ?> job = mock(Job.class);
        when(job.getFullName()).thenReturn("team/\"quoted\"");
        when(job.getUrl()).thenReturn("job/team/job/%22quoted%22/");
        var action = new JobDeploymentsAction(job, FakePermissions.reader("ann"), () -> history);

        assertThat(action.markupFor("/jenkins\"><x"))
                .contains("id=\"ecs-dashboard\"")
                .contains("data-url=\"/jenkins&quot;&gt;&lt;x/job/team/job/%22quoted%22/deployments/data\"");
    }
}
