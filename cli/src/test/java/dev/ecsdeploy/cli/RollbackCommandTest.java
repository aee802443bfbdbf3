package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RollbackCommandTest {
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
    void shouldRollBackToTheLastSuccessfulTaskDefinition() {
        fixture.service("web-back");
        deployV2("web-back");

        CliRun run =
                fixture.run("rollback", "--cluster", CliFixture.CLUSTER, "--service", "web-back", "--yes", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("status").asText()).isEqualTo("SUCCESSFUL");
        assertThat(run.json().path("taskDefinitionArn").asText()).endsWith("web-back:1");
        assertThat(fixture.describe("web-back").taskDefinition()).endsWith("web-back:1");
    }

    @Test
    void shouldRefuseWithoutYesWhenItCannotAsk() {
        fixture.service("web-ask");
        deployV2("web-ask");
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run("rollback", "--cluster", CliFixture.CLUSTER, "--service", "web-ask");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("rollback not confirmed: ").contains("hint: pass --yes");
        assertThat(fixture.mutations()).isEmpty();
    }

    @Test
    void shouldChangeNothingOnDryRun() {
        fixture.service("web-dry-back");
        deployV2("web-dry-back");
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "rollback", "--cluster", CliFixture.CLUSTER, "--service", "web-dry-back", "--dry-run", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.json().path("dryRun").asBoolean()).isTrue();
        assertThat(fixture.mutations()).isEmpty();
        assertThat(fixture.describe("web-dry-back").taskDefinition()).endsWith("web-dry-back:2");
    }

    @Test
    void shouldExitTwoOnAnInvalidTarget() {
        CliRun run = fixture.run("rollback", "--cluster", CliFixture.CLUSTER, "--service", "web", "--to", "yesterday");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("invalid --to yesterday: ");
    }

    private void deployV2(String service) {
        CliRun deploy = fixture.run(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", service, "--image", CliFixture.HEALTHY_V2);
        assertThat(deploy.exitCode()).as(deploy.toString()).isZero();
    }
}
