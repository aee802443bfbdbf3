package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** --role-arn assumes the role through STS before any other call, and never prints the credentials. */
class CredentialsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private static final String ROLE = "arn:aws:iam::123456789012:role/deployer";

    @TempDir
    Path history;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        AWS.emulator().sts().defineRole(ROLE);
    }

    @Test
    void shouldAssumeTheRoleGivenWithRoleArn() {
        fixture.service("web-role");
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-role",
                "--image",
                CliFixture.HEALTHY_V2,
                "--role-arn",
                ROLE,
                "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(AWS.emulator().callLog().calls("sts", "AssumeRole")).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain("SecretAccessKey").doesNotContain("ASIA");
    }

    @Test
    void shouldExitThreeWhenTheRoleCannotBeAssumed() {
        AWS.emulator().callLog().clear();

        CliRun run = fixture.run(
                "deploy",
                "--cluster",
                CliFixture.CLUSTER,
                "--service",
                "web-role",
                "--image",
                CliFixture.HEALTHY_V2,
                "--role-arn",
                "arn:aws:iam::123456789012:role/unknown",
                "--max-attempts",
                "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AWS_OR_TOOL_ERROR);
        assertThat(run.err()).contains("AccessDenied").contains("hint: ");
        assertThat(fixture.mutations()).noneMatch(call -> call.service().equals("ecs"));
    }
}
