package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.DeploymentEntry;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** build-push and promote with the Jib builder, which needs no container tool, against the emulator's ECR. */
class BuildPushCommandTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    @TempDir
    Path context;

    private CliFixture fixture;

    @BeforeEach
    void prepare() throws IOException {
        fixture = new CliFixture(AWS, history);
        Files.writeString(context.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM scratch
                COPY index.html /srv/www/
                LABEL dev.ecsdeploy.emulator.findings="HIGH=2,MEDIUM=1" \\
                      org.opencontainers.image.title="web"
                ENTRYPOINT ["/srv/start"]
                """);
    }

    @Test
    void shouldBuildPushScanAndPromoteWithJsonOnStdout() {
        CliRun run = buildPush("web-ok", "--fail-on", "CRITICAL=0,HIGH=5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("imageUri").asText()).startsWith(AWS.emulator().registryHost() + "/web-ok@sha256:");
        assertThat(json.path("tags").toString()).isEqualTo("[\"1.0.0\"]");
        assertThat(json.path("builder").asText()).isEqualTo("jib");
        assertThat(json.path("scan").path("verdict").asText()).isEqualTo("PASS");
        assertThat(json.path("scan").path("severityCounts").path("HIGH").asInt())
                .isEqualTo(2);
        assertThat(json.path("scan").path("gate").path("passed").asBoolean()).isTrue();
        assertThat(run.err()).contains("scan");

        CliRun promote = fixture.run("promote", "--repository", "web-ok", "--from", "1.0.0", "--tag", "prod", "--json");

        assertThat(promote.exitCode()).as(promote.toString()).isZero();
        assertThat(promote.json().path("tags").toString()).isEqualTo("[\"prod\"]");
        assertThat(AWS.emulator().ecr().digestOf("web-ok", "prod"))
                .isEqualTo(AWS.emulator().ecr().digestOf("web-ok", "1.0.0"));
    }

    @Test
    void shouldRecordTheGitRevisionOfTheContextAndGiveItToADeploymentOfThatImage() throws Exception {
        String sha = commitAll(context);
        fixture.prepare();
        fixture.service("web-rev");

        CliRun build = buildPush("web-rev");
        String image = build.json().path("imageUri").asText();
        CliRun deploy = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-rev",
                "--image",
                image,
                "--container",
                "web",
                "--environment",
                "dev",
                "--json");

        assertThat(build.exitCode()).as(build.toString()).isZero();
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
        var entries =
                HistoryStore.open(history, ProgressListener.NONE).history().entries();
        assertThat(entries)
                .filteredOn(ImageBuildEntry.class::isInstance)
                .map(ImageBuildEntry.class::cast)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.revision()).isEqualTo(sha);
                    assertThat(entry.revisionCommittedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
                });
        assertThat(entries)
                .filteredOn(DeploymentEntry.class::isInstance)
                .map(DeploymentEntry.class::cast)
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.sourceRevision()).isEqualTo(sha);
                    assertThat(entry.sourceCommittedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
                });
    }

    @Test
    void shouldPreferTheRevisionGivenOnTheCommandLine() {
        CliRun run = buildPush("web-given", "--revision", "feedface", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("revision").asText()).isEqualTo("feedface");
    }

    /** Commits everything in {@code directory} as a new git repository, dated 2026-11-30T08:15:00Z; returns the SHA. */
    private static String commitAll(Path directory) throws IOException, InterruptedException {
        git(directory, "init", "-q");
        git(directory, "add", "-A");
        git(directory, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        return git(directory, "rev-parse", "HEAD").strip();
    }

    private static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        var argv = new java.util.ArrayList<>(java.util.List.of("git"));
        argv.addAll(java.util.List.of(arguments));
        var builder = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_COMMITTER_DATE", "2026-11-30T09:15:00+01:00");
        builder.environment().put("GIT_AUTHOR_DATE", "2026-11-30T09:15:00+01:00");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(argv + ": " + output).isZero();
        return output;
    }

    @Test
    void shouldExitOneWhenTheScanGateBreaks() {
        CliRun run = buildPush("web-gate", "--fail-on", "HIGH=1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.json().path("scan").path("verdict").asText()).isEqualTo("FAIL");
        assertThat(run.err())
                .contains("failed its scan gate: ")
                .contains("HIGH 2 > 1")
                .contains("hint: ");
    }

    @Test
    void shouldChangeNothingOnDryRun() {
        AWS.emulator().callLog().clear();

        CliRun run = buildPush("web-dry", "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("dryRun").asBoolean()).isTrue();
        assertThat(run.json().path("builder").asText()).isEqualTo("jib");
        assertThat(AWS.emulator().callLog().all()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenTheRepositoryIsMissingOrTheDockerfileNeedsARealBuilder() throws IOException {
        CliRun missing = fixture.run(
                "build-push", "--repository", "web-missing", "--context", context.toString(), "--builder", "jib");
        Files.writeString(context.resolve("Dockerfile.run"), "FROM scratch\nRUN echo hi\n");
        CliRun run = fixture.run(
                "build-push",
                "--repository",
                "web-run",
                "--context",
                context.toString(),
                "--dockerfile",
                "Dockerfile.run",
                "--builder",
                "jib",
                "--create-repository");

        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("web-missing");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("cannot build").contains("RUN echo hi").contains("hint: use --builder");
    }

    private CliRun buildPush(String repository, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "build-push",
                "--repository",
                repository,
                "--context",
                context.toString(),
                "--tag",
                "1.0.0",
                "--builder",
                "jib",
                "--create-repository",
                "--json"));
        args.addAll(java.util.List.of(extra));
        return fixture.run(args.toArray(String[]::new));
    }
}
