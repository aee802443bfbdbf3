package io.jenkins.plugins.ecsdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.ImageBuildEntry;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import hudson.EnvVars;
import hudson.model.TaskListener;
import io.jenkins.plugins.ecsdeploy.testing.EmulatorServices;
import io.jenkins.plugins.ecsdeploy.testing.TestStepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EcrBuildPushStepTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withSpeed(50);

    private static EcrBuildPushStep step() {
        EcrBuildPushStep step = new EcrBuildPushStep("web");
        step.setContext("app");
        step.setDockerfile("docker/Dockerfile");
        step.setTags("1.4.2, latest");
        step.setBuildArgs("VERSION=1.4.2\nBASE=alpine");
        step.setBuilder("podman");
        step.setSecrets("npmrc=NPM_TOKEN");
        step.setScanThresholds("CRITICAL=0,HIGH=5");
        step.setAllowList("CVE-2026-0001");
        return step;
    }

    @Test
    void shouldMapTheRepositorySettingsIncludingEncryptionAndALifecyclePolicyFromTheWorkspace(@TempDir Path workspace)
            throws Exception {
        Files.writeString(workspace.resolve("lifecycle.json"), "{\"rules\":[]}");
        EcrBuildPushStep step = step();
        step.setCreateRepository(true);
        step.setEncryption("kms");
        step.setKmsKey("alias/ecr");
        step.setLifecyclePolicy("lifecycle.json");
        AgentBuildPush build = new AgentBuildPush(
                step.settings(new EnvVars(Map.of("NPM_TOKEN", "npm-secret-value"))), null, workspace.toString(), null);

        RepositorySpec repository = build.request(workspace).repository();

        assertThat(repository.createIfMissing()).isTrue();
        assertThat(repository.encryption()).isEqualTo(new RepositorySpec.Encryption("KMS", "alias/ecr"));
        assertThat(repository.lifecyclePolicy()).contains("\"rules\"");
        assertThat(repository.applyChanges()).isTrue();
    }

    @Test
    void shouldMapTheFieldsToCoresBuildRequestInTheWorkspace() {
        AgentBuildPush build = new AgentBuildPush(
                step().settings(new EnvVars(Map.of("NPM_TOKEN", "npm-secret-value"))), null, "/ws", null);

        BuildPushRequest request = build.request(Path.of("/ws"));

        assertThat(request.contextDirectory()).isEqualTo(Path.of("/ws/app"));
        assertThat(request.effectiveDockerfile()).isEqualTo(Path.of("/ws/app/docker/Dockerfile"));
        assertThat(request.tags()).containsExactly("1.4.2", "latest");
        assertThat(request.buildArgs()).containsEntry("VERSION", "1.4.2").containsEntry("BASE", "alpine");
        assertThat(request.builderKind()).isEqualTo(BuilderKind.PODMAN);
        assertThat(request.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.id()).isEqualTo("npmrc");
            assertThat(secret.reference()).isEqualTo("NPM_TOKEN");
        });
        assertThat(build.gate().thresholds())
                .containsEntry(FindingSeverity.CRITICAL, 0)
                .containsEntry(FindingSeverity.HIGH, 5);
    }

    @Test
    void shouldTakeTheBuildsGitCommitAsTheRevisionUnlessOneIsGiven() {
        AgentBuildPush build = new AgentBuildPush(
                step().settings(new EnvVars(Map.of("NPM_TOKEN", "npm-secret-value", "GIT_COMMIT", " abc123 "))),
                null,
                "/ws",
                null);
        AgentBuildPush withoutGit = new AgentBuildPush(
                step().settings(new EnvVars(Map.of("NPM_TOKEN", "npm-secret-value"))), null, "/ws", null);

        EcrBuildPushStep given = step();
        given.setRevision("def456");
        AgentBuildPush explicit = new AgentBuildPush(
                given.settings(new EnvVars(Map.of("NPM_TOKEN", "npm-secret-value", "GIT_COMMIT", "abc123"))),
                null,
                "/ws",
                null);

        assertThat(build.request(Path.of("/ws")).revision()).isEqualTo("abc123");
        assertThat(withoutGit.request(Path.of("/ws")).revision()).isNull();
        assertThat(explicit.request(Path.of("/ws")).revision()).isEqualTo("def456");
    }

    @Test
    void shouldRecordTheGitCommitAndItsTimeReadOnTheAgentWithTheBuild(@TempDir Path workspace, @TempDir Path store)
            throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/hello.txt"), "hello");
        Files.writeString(workspace.resolve("app/Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        String sha = commitAll(workspace);
        EcrBuildPushStep step = new EcrBuildPushStep("agent-revision");
        step.setContext("app");
        step.setTags("1");
        step.setBuilder("jib");
        step.setCreateRepository(true);
        TestStepContext context = new TestStepContext();
        AgentBuildPush build = new AgentBuildPush(
                step.settings(new EnvVars(Map.of("GIT_COMMIT", sha))),
                AgentBuildPush.Access.snapshot(EmulatorServices.connection(AWS.emulator())),
                workspace.toString(),
                context.get(TaskListener.class));
        HistoryRecorder history = HistoryRecorder.builder()
                .store(HistoryStore.open(store, ProgressListener.NONE))
                .build();
        ImageRecords records = new ImageRecords();

        var started = records.recordStart(history, new ImageRecords.Asked("agent-revision", List.of("1"), sha));
        records.recordEnd(history, started, build.call());

        assertThat(HistoryStore.open(store, ProgressListener.NONE).history().entries())
                .singleElement()
                .isInstanceOfSatisfying(ImageBuildEntry.class, entry -> {
                    assertThat(entry.revision()).isEqualTo(sha);
                    assertThat(entry.revisionCommittedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
                    assertThat(entry.digest()).startsWith("sha256:");
                });
    }

    /** Commits the workspace as a new git repository dated 2026-11-30T08:15:00Z; returns the SHA. */
    private static String commitAll(Path directory) throws Exception {
        git(directory, "init", "-q");
        git(directory, "add", "-A");
        git(directory, "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
        return git(directory, "rev-parse", "HEAD").strip();
    }

    private static String git(Path directory, String... arguments) throws Exception {
        var argv = new java.util.ArrayList<>(List.of("git"));
        argv.addAll(List.of(arguments));
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
    void shouldKeepSecretValuesOutOfEveryDescription() {
        AgentBuildPush.Settings settings = step().settings(new EnvVars(Map.of("NPM_TOKEN", "npm-secret-value")));
        AgentBuildPush.Access access =
                new AgentBuildPush.Access("us-east-1", null, "AKIAEXAMPLE", "secret-key-value", "token-value");

        assertThat(settings.toString()).doesNotContain("npm-secret-value");
        assertThat(access.toString()).doesNotContain("secret-key-value").doesNotContain("token-value");
    }

    @Test
    void shouldRefuseABuildSecretThatIsNotBound() {
        assertThatThrownBy(() -> step().settings(new EnvVars()))
                .hasMessageContaining("NPM_TOKEN")
                .hasMessageContaining("withCredentials");
    }

    @Test
    void shouldBuildOnTheAgentAndReturnTheImagePinnedByDigest(@TempDir Path workspace) throws Exception {
        assumePodman();
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/hello.txt"), "hello");
        Files.writeString(workspace.resolve("app/Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        EcrBuildPushStep step = new EcrBuildPushStep("agent-built");
        step.setContext("app");
        step.setTags("1");
        step.setBuilder("podman");
        step.setCreateRepository(true);
        TestStepContext context = new TestStepContext();
        AgentBuildPush build = new AgentBuildPush(
                step.settings(new EnvVars()),
                AgentBuildPush.Access.snapshot(EmulatorServices.connection(AWS.emulator())),
                workspace.toString(),
                context.get(TaskListener.class));

        Map<String, Object> result = build.call().resultOrGateFailure();

        String digest = (String) result.get("digest");
        assertThat(digest).startsWith("sha256:");
        assertThat((String) result.get("imageUri")).endsWith("/agent-built@" + digest);
        assertThat(result).containsEntry("tags", List.of("1")).containsEntry("unchanged", false);
        assertThat(AWS.emulator().ecr().digestOf("agent-built", "1")).contains(digest);
    }

    @Test
    void shouldRefuseAScanTimeoutOfZeroBeforeBuildingOrPushing(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/Dockerfile"), "FROM scratch\n");
        EcrBuildPushStep step = new EcrBuildPushStep("scan-zero");
        step.setContext("app");
        step.setCreateRepository(true);
        step.setScan(true);
        step.setScanTimeout(0);
        AWS.emulator().callLog().clear();
        AgentBuildPush build = new AgentBuildPush(
                step.settings(new EnvVars()),
                AgentBuildPush.Access.snapshot(EmulatorServices.connection(AWS.emulator())),
                workspace.toString(),
                new TestStepContext().get(TaskListener.class));

        org.assertj.core.api.Assertions.assertThatThrownBy(build::call)
                .isInstanceOf(dev.ecsdeploy.core.ecr.EcrImageException.class)
                .hasMessage("invalid scan timeout PT0S: it must be positive");
        assertThat(AWS.emulator().callLog().all()).isEmpty();
        assertThat(AWS.emulator().ecr().digestOf("scan-zero", "latest")).isEmpty();
    }

    private static void assumePodman() {
        LocalCommandRunner runner = new LocalCommandRunner();
        boolean present = runner.isAvailable("podman")
                && runner.run(Command.of(List.of("podman", "--version"))).succeeded();
        if (!present && "1".equals(System.getenv("REQUIRE_CONTAINER_TOOLS"))) {
            fail("podman is not installed, but REQUIRE_CONTAINER_TOOLS=1 says container tools are required");
        }
        Assumptions.assumeTrue(present, "podman is not installed: skipping this real-build test");
    }
}
