package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.inspect.CallRecord;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import dev.ecsdeploy.emulator.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy} on a service with a deployment in flight: waits by default, fails when asked, says so on a dry run. */
class BusyServiceCommandTest {
    private static final String SLOW = "registry.example.com/web:slow";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @TempDir
    Path history;

    private CliFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new CliFixture(AWS, history);
        fixture.prepare();
        AWS.emulator().ecs().simulate(SLOW, Workload.DEFAULT.withStartup(Duration.ofMinutes(20)));
    }

    @Test
    void shouldWaitForTheDeploymentInProgressByDefaultThenDeploy() {
        String busyId = busy("busy-wait", CliFixture.HEALTHY_V2);

        CliRun run = deploy("busy-wait", CliFixture.HEALTHY);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err())
                .contains("service busy-wait is busy: waiting for deployment " + busyId)
                .contains("since ");
        assertThat(fixture.mutations())
                .extracting(CallRecord::operation)
                .containsExactly("RegisterTaskDefinition", "UpdateService");
        assertThat(fixture.describe("busy-wait").taskDefinition()).endsWith("busy-wait:3");
    }

    @Test
    void shouldExitOneWithItsOwnHintAndChangeNothingWhenAskedToFail() {
        String busyId = busy("busy-fail", CliFixture.HEALTHY_V2);

        CliRun run = deploy("busy-fail", CliFixture.HEALTHY, "--when-busy", "fail");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.err())
                .contains("another deployment is in progress on service busy-fail: deployment " + busyId)
                .contains("hint: refused because of --when-busy fail; drop it to wait")
                .doesNotContain("whenAnotherDeploymentInProgress")
                .doesNotContain("check the names");
        assertThat(fixture.mutations()).isEmpty();
    }

    @Test
    void shouldKeepWaitForOtherAsAnAliasAndRefuseItWithWhenBusyFail() {
        busy("busy-alias", CliFixture.HEALTHY_V2);

        CliRun conflict = deploy("busy-alias", CliFixture.HEALTHY, "--wait-for-other", "--when-busy", "fail");
        CliRun alias = deploy("busy-alias", CliFixture.HEALTHY, "--wait-for-other");

        assertThat(conflict.exitCode()).as(conflict.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(conflict.err()).contains("conflicting options: --wait-for-other and --when-busy fail");
        assertThat(alias.exitCode()).as(alias.toString()).isZero();
        assertThat(alias.err()).contains("is busy: waiting for deployment ");
    }

    @Test
    void shouldFailNamingTheBusyDeploymentWhenTheTimeoutPassesWhileWaiting() {
        String busyId = busy("busy-timeout", SLOW);

        CliRun run = deploy("busy-timeout", CliFixture.HEALTHY, "--timeout", "1m");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(run.err())
                .contains("timed out waiting for deployment " + busyId)
                .contains("the service was not changed");
        assertThat(fixture.mutations())
                .as("the new revision is registered before the wait; the service is never updated")
                .extracting(CallRecord::operation)
                .containsExactly("RegisterTaskDefinition");
        assertThat(fixture.describe("busy-timeout").taskDefinition()).endsWith("busy-timeout:2");
    }

    @Test
    void shouldSayOnADryRunThatADeploymentIsInFlight() {
        String busyId = busy("busy-dry", CliFixture.HEALTHY_V2);

        CliRun run = deploy("busy-dry", CliFixture.HEALTHY, "--dry-run");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("service busy-dry has a deployment in flight: deployment " + busyId)
                .contains("a real run waits for it to finish");
        assertThat(fixture.mutations()).isEmpty();
    }

    /** A settled service, then an UpdateService to {@code image} that is still rolling out; its deployment id. */
    private String busy(String service, String image) {
        fixture.service(service);
        String next = fixture.registerTaskDefinition(service, "web", image);
        fixture.ecs()
                .updateService(
                        r -> r.cluster(CliFixture.CLUSTER).service(service).taskDefinition(next));
        AWS.emulator().callLog().clear();
        return fixture.describe(service).deployments().stream()
                .filter(d -> "PRIMARY".equals(d.status()))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private CliRun deploy(String service, String image, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("deploy", "--cluster", CliFixture.CLUSTER, "--service", service, "--image", image));
        args.addAll(java.util.List.of(extra));
        return fixture.run(args.toArray(String[]::new));
    }
}
