package io.jenkins.plugins.ecsdeploy.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.ServiceState;
import dev.ecsdeploy.core.history.StartedOperation;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.ecsdeploy.testing.FakeRuns;
import io.jenkins.plugins.ecsdeploy.util.JenkinsFacade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jenkins-wide history is rebuilt from the builds' actions when it is lost or damaged, and says so. */
class HistoryRepairTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path home;

    private PluginHistory history;
    private final List<Run<?, ?>> builds = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();

    @BeforeEach
    void recordThreeBuilds() {
        history = PluginHistory.install(home, List.of("dev", "prod"), Clock.fixed(NOW, ZoneOffset.UTC));
        deploy(1, "dev", 1, DeploymentStatus.SUCCESSFUL);
        deploy(2, "prod", 1, DeploymentStatus.SUCCESSFUL);
        deploy(3, "prod", 2, DeploymentStatus.ROLLED_BACK);
    }

    @AfterEach
    void uninstall() {
        PluginHistory.install(null, List.of(), Clock.systemUTC());
    }

    private void deploy(int build, String environment, int revision, DeploymentStatus status) {
        Run<?, ?> run = FakeRuns.run("web", build);
        builds.add(0, run);
        BuildRecording recording =
                BuildRecording.of(run, null, "us-east-1", new PrintStream(new ByteArrayOutputStream(), true));
        Deployments deployments = new Deployments();
        StartedOperation started = recording.started(
                deployments,
                Deployments.request(environment, "web-" + environment, Deployments.image(digest(revision))));
        recording.finished(
                deployments,
                started,
                Deployments.record(environment, "web-" + environment, revision, digest(revision), status, NOW));
    }

    private HistoryRepair.RecordedBuilds jenkinsWith(List<Run<?, ?>> runs) {
        Job<?, ?> job = FakeRuns.job(runs);
        return HistoryRepair.of(new JenkinsFacade() {
            @Override
            @SuppressWarnings({"rawtypes", "unchecked"})
            public Iterable<Job> allJobs() {
                return (List) List.of(job);
            }
        });
    }

    @Test
    void shouldRebuildAMissingStoreFromTheBuildsActionsEqualToTheOriginal() throws IOException {
        List<HistoryEntry> original = history.store().history().entries();
        Files.delete(history.store().journalFile());

        Optional<String> why = HistoryRepair.repairIfNeeded(history.store(), jenkinsWith(builds), logged::add);

        assertThat(why).hasValueSatisfying(text -> assertThat(text).contains("was missing"));
        assertThat(history.store().history().entries()).isEqualTo(original);
        assertThat(logged)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("ecs-deploy history: the journal ")
                        .contains("rebuilt it from the records of 3 builds (3 entries)"));
    }

    @Test
    void shouldRebuildADamagedStoreKeepingItsReadableLines() throws IOException {
        List<HistoryEntry> original = history.store().history().entries();
        Files.writeString(history.store().journalFile(), "{\"v\":1, garbage\n", StandardOpenOption.APPEND);
        PluginHistory.install(home, List.of(), Clock.fixed(NOW, ZoneOffset.UTC));

        Optional<String> why = HistoryRepair.repairIfNeeded(history.store(), jenkinsWith(List.of()), logged::add);

        assertThat(why).hasValueSatisfying(text -> assertThat(text).contains("had 1 damaged lines"));
        assertThat(history.store().history().entries()).isEqualTo(original);
        assertThat(Files.readString(history.store().journalFile())).doesNotContain("garbage");
    }

    @Test
    void shouldLeaveASoundStoreAndAnUnterminatedLastLineAlone() throws IOException {
        Files.writeString(history.store().journalFile(), "{\"v\":1,\"ty", StandardOpenOption.APPEND);
        long size = Files.size(history.store().journalFile());

        Optional<String> why = HistoryRepair.repairIfNeeded(history.store(), jenkinsWith(builds), logged::add);

        assertThat(why).isEmpty();
        assertThat(logged).isEmpty();
        assertThat(Files.size(history.store().journalFile())).isEqualTo(size);
    }

    @Test
    void shouldNotCreateAStoreWhenNothingWasEverRecorded() throws IOException {
        Files.delete(history.store().journalFile());

        Optional<String> why = HistoryRepair.repairIfNeeded(history.store(), jenkinsWith(List.of()), logged::add);

        assertThat(why).isEmpty();
        assertThat(history.store().journalFile()).doesNotExist();
    }

    @Test
    void shouldKeepTheCurrentStateWhenBuildsAreDeleted() throws IOException {
        List<ServiceState> before = history.store().history().current();
        Run<?, ?> deployedProd = builds.get(1); // build 2: what runs in prod (build 3 rolled back)

        builds.remove(deployedProd); // Jenkins discards build 2 and its build.xml with the action
        List<ServiceState> afterDeletion = history.store().history().current();
        Files.writeString(history.store().journalFile(), "not json\n", StandardOpenOption.APPEND);
        HistoryRepair.repairIfNeeded(history.store(), jenkinsWith(builds), logged::add);

        assertThat(before)
                .anySatisfy(state ->
                        assertThat(state.running().origin().buildNumber()).isEqualTo(2));
        assertThat(afterDeletion).isEqualTo(before);
        assertThat(history.store().history().current()).isEqualTo(before);
    }

    private static String digest(int n) {
        return Deployments.digest(n);
    }
}
