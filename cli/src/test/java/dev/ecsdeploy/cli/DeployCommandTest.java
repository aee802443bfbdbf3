package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
    }

    @Test
    void shouldPrintTheVerdictAsJsonOnStdoutAndProgressOnStderr() {
        fixture.service("web-json");

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-json",
                "--image",
                CliFixture.HEALTHY_V2,
                "--environment",
                "dev",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(json.path("environment").asText()).isEqualTo("dev");
        assertThat(json.path("cluster").asText()).isEqualTo(CliFixture.CLUSTER);
        assertThat(json.path("service").asText()).isEqualTo("web-json");
        assertThat(json.path("strategy").asText()).isEqualTo("ROLLING");
        assertThat(json.path("taskDefinitionArn").asText()).endsWith("task-definition/web-json:2");
        assertThat(json.path("previousTaskDefinitionArn").asText()).endsWith("task-definition/web-json:1");
        assertThat(json.path("imageDigests").path("web").asText()).isEqualTo(CliFixture.HEALTHY_V2);
        assertThat(json.path("startedAt").asText()).matches("\\d{4}-.*Z");
        assertThat(run.err()).as("progress goes to stderr").isNotBlank();
        assertThat(fixture.describe("web-json").taskDefinition()).endsWith("web-json:2");
    }

    @Test
    void shouldPrintAReadableSummaryWithoutJson() {
        fixture.service("web-text");

        CliRun run = fixture.run(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", "web-text", "--image", CliFixture.HEALTHY_V2);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("status:          SUCCESSFUL").contains("web-text:2");
        assertThat(run.err()).doesNotContain("status:");
    }

    @Test
    void shouldExitOneWithTheReasonWhenTheCircuitBreakerRollsBack() {
        fixture.service("web-crash");

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-crash",
                "--image",
                CliFixture.CRASHING,
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.json().path("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(run.json().path("reason").asText())
                .contains("circuit breaker")
                .doesNotContain("\n");
        assertThat(run.json().path("details")).isNotEmpty();
        assertThat(run.err())
                .contains("deployment of " + CliFixture.CLUSTER + "/web-crash ROLLED_BACK: ")
                .contains("hint: ");
        assertThat(fixture.describe("web-crash").taskDefinition()).endsWith("web-crash:1");
    }

    @Test
    void shouldPrintAFailuresOneLineSummaryOnceWithItsDetailsBelow() {
        fixture.service("web-crash-text");

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-crash-text",
                "--image",
                CliFixture.CRASHING);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        List<String> lines = run.err().lines().toList();
        int failure = lines.indexOf(lines.stream()
                .filter(line ->
                        line.startsWith("deployment of " + CliFixture.CLUSTER + "/web-crash-text ROLLED_BACK: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure line in\n" + run)));
        String summary = lines.get(failure).substring(lines.get(failure).indexOf(": ") + 2);
        assertThat(summary).as(run.toString()).containsPattern("circuit breaker.*: \\d+ tasks? exited 1 \\(container ");
        assertThat(run.toString().split(java.util.regex.Pattern.quote(summary), -1))
                .as("the summary is printed exactly once in\n" + run)
                .hasSize(2);
        assertThat(lines.subList(failure + 1, lines.size()))
                .as(run.toString())
                .anyMatch(line -> line.startsWith("  stopped task ") && line.contains("exit code 1"))
                .anyMatch(line -> line.startsWith("  service event: "))
                .last()
                .asString()
                .startsWith("hint: ");
    }

    @Test
    void shouldShowThePlanAndChangeNothingOnDryRun() {
        fixture.service("web-dry");
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-dry",
                "--image",
                CliFixture.HEALTHY_V2,
                "--dry-run",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("dryRun").asBoolean()).isTrue();
        assertThat(json.path("currentTaskDefinitionArn").asText()).endsWith("web-dry:1");
        assertThat(json.path("newTaskDefinition")
                        .path("containerDefinitions")
                        .get(0)
                        .path("image")
                        .asText())
                .isEqualTo(CliFixture.HEALTHY_V2);
        assertThat(json.path("steps")).isNotEmpty();
        assertThat(AWS.emulator().callLog().all())
                .as("the dry run read the service")
                .isNotEmpty();
        assertThat(fixture.mutations())
                .as("no mutating call in the emulator's call log")
                .isEmpty();
        assertThat(fixture.describe("web-dry").taskDefinition()).endsWith("web-dry:1");
    }

    @Test
    void shouldDeployATaskDefinitionFileWithPlaceholders() throws Exception {
        fixture.service("web-file");
        Path file = history.resolve("web.json");
        java.nio.file.Files.writeString(file, """
                {"family": "web-file", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
                 "cpu": "256", "memory": "512",
                 "containerDefinitions": [{"name": "web", "image": "${IMAGE}", "essential": true}]}
                """);

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-file",
                "--task-definition",
                file.toString(),
                "--var",
                "IMAGE=" + CliFixture.HEALTHY_V2,
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("imageDigests").path("web").asText()).isEqualTo(CliFixture.HEALTHY_V2);
        assertThat(fixture.describe("web-file").taskDefinition()).endsWith("web-file:2");
    }

    @Test
    void shouldExitTwoWhenTheServiceDoesNotExist() {
        CliRun run = fixture.run(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", "nope", "--image", CliFixture.HEALTHY_V2);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nope").contains("hint: ");
    }

    @Test
    void shouldExitTwoOnABadCommandLineWithoutCallingAws() {
        AWS.emulator().callLog().clear();

        CliRun missingSource = fixture.run("deploy", "--cluster", CliFixture.CLUSTER, "--service", "web");
        CliRun badStrategy = fixture.run(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", "web", "--image", "x:1", "--strategy", "yolo");
        CliRun badTimeout = fixture.run(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", "web", "--image", "x:1", "--timeout", "soon");

        assertThat(missingSource.exitCode()).as(missingSource.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missingSource.err())
                .startsWith("invalid command line: ")
                .contains("hint: run 'ecsdeploy deploy --help'");
        assertThat(badStrategy.exitCode()).as(badStrategy.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badStrategy.err()).contains("unknown strategy yolo: ");
        assertThat(badTimeout.exitCode()).as(badTimeout.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badTimeout.err()).contains("'soon' is not a duration");
        assertThat(missingSource.out() + badStrategy.out() + badTimeout.out()).isEmpty();
        assertThat(AWS.emulator().callLog().all()).isEmpty();
    }

    @Test
    void shouldExitThreeWhenAwsCannotBeReached() {
        CliRun run = CliRun.of(
                "deploy",
                "--cluster",
                "c",
                "--service",
                "s",
                "--image",
                "x:1",
                "--region",
                "us-east-1",
                "--endpoint-url",
                "http://127.0.0.1:1",
                "--max-attempts",
                "1",
                "--history",
                history.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AWS_OR_TOOL_ERROR);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("hint: ");
    }
}
