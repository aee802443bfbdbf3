package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Commands record what they did; history shows it as a table, JSON or the HTML page. */
class HistoryCommandTest {
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
    void shouldRecordDeploymentsAndShowWhatRunsPerEnvironment() throws Exception {
        fixture.service("web-hist");
        assertThat(deploy(CliFixture.HEALTHY_V2).exitCode()).isZero();
        assertThat(deploy(CliFixture.CRASHING).exitCode()).isEqualTo(ExitCode.OPERATION_FAILED);

        CliRun json = fixture.run("history", "--json");
        CliRun table = fixture.run("history");
        CliRun html = fixture.run(
                "history",
                "--format",
                "html",
                "--output",
                history.resolve("r.html").toString());

        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode staging = json.json().path("environments").path("staging").get(0);
        assertThat(staging.path("service").asText()).isEqualTo("web-hist");
        assertThat(staging.path("running").path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(staging.path("latest").path("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(json.json().path("timeline")).hasSize(2);
        assertThat(table.out()).contains("staging").contains("web-hist").contains("ROLLED_BACK");
        assertThat(html.out().trim())
                .isEqualTo(history.resolve("r.html").toAbsolutePath().toString());
        assertThat(Files.readString(history.resolve("r.html")))
                .contains("web-hist")
                .doesNotContain("http://", "https://cdn");
    }

    @Test
    void shouldRecordNothingOnDryRun() {
        fixture.service("web-hist-dry");

        fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-hist-dry",
                "--image",
                CliFixture.HEALTHY_V2,
                "--dry-run");

        assertThat(history.resolve("history.jsonl")).doesNotExist();
        CliRun run = fixture.run("history");
        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("no history in ").contains("hint: ");
    }

    @Test
    void shouldShowWhatItCanReadAndWarnOnceAboutADamagedLine() throws Exception {
        fixture.service("web-hist-damaged");
        assertThat(fixture.run(
                                "deploy",
                                "--cluster",
                                CliFixture.CLUSTER,
                                "--service",
                                "web-hist-damaged",
                                "--image",
                                CliFixture.HEALTHY_V2,
                                "--environment",
                                "qa")
                        .exitCode())
                .isZero();
        Path journal = history.resolve("history.jsonl");
        long goodLines = Files.readAllLines(journal).size();
        Files.writeString(journal, "{\"schemaVersion\":1,\"type\":\"depl\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun run = fixture.run("history");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("qa").contains("web-hist-damaged");
        assertThat(run.err().lines().filter(line -> line.contains("warning: ")))
                .as(run.toString())
                .singleElement()
                .asString()
                .contains("skipped line " + (goodLines + 1) + " (byte ")
                .contains("the line stays in the journal");
        assertThat(Files.readAllLines(journal)).as("a read changes nothing").hasSize((int) goodLines + 1);
    }

    @Test
    void shouldRefuseAnUnknownFormat() {
        CliRun run = fixture.run("history", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("unknown format xml: ");
    }

    private CliRun deploy(String image) {
        return fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-hist",
                "--image",
                image,
                "--environment",
                "staging");
    }
}
