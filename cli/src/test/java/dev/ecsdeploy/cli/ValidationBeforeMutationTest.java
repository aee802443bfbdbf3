package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Exit 2 means nothing changed: each input that used to cost a mutation before its refusal, pinned. */
class ValidationBeforeMutationTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    @TempDir
    Path work;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        fixture.registerTaskDefinition("migrate", "migrate", CliFixture.MIGRATE);
    }

    @Test
    void shouldRefuseRunTaskInAMissingClusterBeforeRegisteringARevision() {
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                "nope",
                "--task-definition",
                "migrate",
                "--subnets",
                "subnet-1",
                "--image",
                CliFixture.MIGRATE_FAILING,
                "--container",
                "migrate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("cluster nope not found").contains("hint: ");
        assertThat(fixture.mutations())
                .as("no RegisterTaskDefinition, no RunTask")
                .isEmpty();
    }

    @Test
    void shouldRefuseAnOverflowingDeployTimeoutBeforeRegisteringARevision() {
        fixture.service("web-overflow");
        AWS.emulator().callLog().clear();

        CliRun days = deploy("web-overflow", "--timeout", "999999999999d");
        CliRun digits = deploy("web-overflow", "--timeout", "99999999999999999999d");
        CliRun iso = deploy("web-overflow", "--timeout", "PT9999999999999999H");

        for (CliRun run : java.util.List.of(days, digits, iso)) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err())
                    .containsAnyOf("invalid duration", "is not a duration")
                    .contains("hint: use --timeout")
                    .doesNotContain("Exception");
        }
        assertThat(fixture.mutations()).isEmpty();
        assertThat(fixture.describe("web-overflow").taskDefinition()).endsWith("web-overflow:1");
    }

    @Test
    void shouldRefuseAZeroScanTimeoutBeforePushing() throws IOException {
        Path context = Files.createDirectories(work.resolve("context"));
        Files.writeString(context.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY index.html /srv/www/\n");
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "build-push",
                "--repository",
                "web-scan-zero",
                "--context",
                context.toString(),
                "--builder",
                "jib",
                "--create-repository",
                "--scan-timeout",
                "0s");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("invalid duration 0s").contains("hint: use --scan-timeout");
        assertThat(AWS.emulator().callLog().all())
                .as("not even a read: refused before AWS")
                .isEmpty();
        assertThat(AWS.emulator().ecr().digestOf("web-scan-zero", "latest")).isEmpty();
    }

    @Test
    void shouldRefuseAMalformedImageThatAVarPutsIntoATaskDefinitionFile() throws IOException {
        fixture.service("web-var");
        Path file = work.resolve("web.json");
        Files.writeString(file, """
                {"family": "web-var", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                 "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "web", "image": "${IMAGE}", "essential": true}]}
                """);
        AWS.emulator().callLog().clear();

        CliRun fromVar = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-var",
                "--task-definition",
                file.toString(),
                "--var",
                "IMAGE=registry.example.com/Web::2");
        CliRun fromFlag = deploy("web-var", "--image", "registry.example.com/Web::2");

        for (CliRun run : java.util.List.of(fromVar, fromFlag)) {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.err()).contains("image reference is invalid: 'registry.example.com/Web::2'");
        }
        assertThat(fromVar.err()).contains("container web");
        assertThat(fixture.mutations()).isEmpty();
        assertThat(fixture.describe("web-var").taskDefinition()).endsWith("web-var:1");
    }

    private CliRun deploy(String service, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("deploy", "--cluster", CliFixture.CLUSTER, "--service", service));
        if (!java.util.List.of(extra).contains("--image")) {
            args.addAll(java.util.List.of("--image", CliFixture.HEALTHY_V2));
        }
        args.addAll(java.util.List.of(extra));
        return fixture.run(args.toArray(String[]::new));
    }
}
