package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunTaskCommandTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        fixture.registerTaskDefinition("migrate", "migrate", CliFixture.MIGRATE);
    }

    @Test
    void shouldStreamLogsToStderrAndPrintTheResultAsJson() {
        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "migrate",
                "--subnets",
                "subnet-1",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.path("taskDefinitionArn").asText()).matches(".*task-definition/migrate:\\d+");
        JsonNode container = json.path("tasks").get(0).path("containers").get(0);
        assertThat(container.path("name").asText()).isEqualTo("migrate");
        assertThat(container.path("exitCode").asInt()).isZero();
        assertThat(run.err()).contains("  | migrating schema").contains("  | migration done");
        assertThat(run.out()).doesNotContain("migrating schema");
    }

    @Test
    void shouldEscapeTerminalSequencesInTaskOutputAndKeepJsonValid() {
        String hostile = "registry.example.com/hostile:1";
        AWS.emulator()
                .ecs()
                .simulate(
                        hostile,
                        Workload.DEFAULT
                                .withExitCode(4)
                                .withLogLines(List.of(
                                        "title \u001b]0;owned\u0007 clear \u001b[2J\r", "bidi \u202egnp.exe \u009b")));
        fixture.registerTaskDefinition("hostile", "job", hostile);

        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "hostile",
                "--subnets",
                "subnet-1",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.err())
                .contains("  | title \\u001b]0;owned\\u0007 clear \\u001b[2J\\u000d")
                .contains("  | bidi \\u202egnp.exe \\u009b")
                .doesNotContain("\u001b", "\u0007", "\r", "\u202e", "\u009b");
        assertThat(run.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(run.out()).doesNotContain("\u001b", "\u0007", "\r", "\u202e", "\u009b");
    }

    @Test
    void shouldExitOneWhenTheTaskExitsNonZero() {
        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "migrate",
                "--subnets",
                "subnet-1",
                "--image",
                CliFixture.MIGRATE_FAILING,
                "--container",
                "migrate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.out()).contains("status:          FAILED").contains("migrate exited 3");
        assertThat(run.err()).contains("  | relation users already exists").contains("hint: ");
    }

    @Test
    void shouldLeaveTheLogsOutWithNoLogs() {
        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "migrate",
                "--subnets",
                "subnet-1",
                "--no-logs");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).doesNotContain("migrating schema");
    }

    @Test
    void shouldChangeNothingOnDryRun() {
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "run-task",
                "--cluster",
                CliFixture.CLUSTER,
                "--task-definition",
                "migrate",
                "--subnets",
                "subnet-1",
                "--image",
                CliFixture.MIGRATE_FAILING,
                "--container",
                "migrate",
                "--command",
                "./migrate",
                "up",
                "--dry-run",
                "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("dryRun").asBoolean()).isTrue();
        assertThat(run.json().path("command").toString()).isEqualTo("[\"./migrate\",\"up\"]");
        assertThat(fixture.mutations()).isEmpty();
    }

    @Test
    void shouldExitTwoWhenTheTaskDefinitionIsUnknown() {
        CliRun unknown = fixture.run(
                "run-task", "--cluster", CliFixture.CLUSTER, "--task-definition", "nope", "--subnets", "subnet-1");

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(unknown.err()).contains("nope").contains("hint: ");
        assertThat(unknown.out()).isEmpty();
    }
}
