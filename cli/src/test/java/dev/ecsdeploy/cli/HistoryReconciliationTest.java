package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.TaskDefinitionSource;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.history.TaskRunEntry;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.emulator.Emulator;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The next command ends the IN_PROGRESS entry a killed process left, from what ECS says, and prints a line for it. */
class HistoryReconciliationTest {
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
    void shouldReconcileOnHistoryTheDeploymentThatCompletedAfterItsProcessWasKilled() {
        fixture.service("web-killed");
        StartedOperation started = killedDeploy("web-killed");
        String taskDefinition = fixture.registerTaskDefinition("web-killed", "web", CliFixture.HEALTHY_V2);
        fixture.ecs()
                .updateService(
                        r -> r.cluster(CliFixture.CLUSTER).service("web-killed").taskDefinition(taskDefinition));
        fixture.settle("web-killed");

        CliRun run = fixture.run("history", "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err().lines().filter(line -> line.contains("reconciled") || line.contains("ended as")))
                .as(run.toString())
                .singleElement()
                .asString()
                .contains("deployment of " + CliFixture.CLUSTER + "/web-killed")
                .contains("ended as SUCCEEDED")
                .contains("SUCCESSFUL");
        assertThat(run.json().path("timeline").get(0).path("id").asText()).isEqualTo(started.id());
        assertThat(run.json().path("timeline").get(0).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(fixture.run("history").err()).as("reconciled once").doesNotContain("ended as");
    }

    @Test
    void shouldReconcileOnDeployTheStaleDeploymentThatNeverStarted() {
        fixture.service("web-never");
        killedDeploy("web-never");
        fixture.emulator().advance(Duration.ofHours(3));

        CliRun run = fixture.run(
                "deploy", "--cluster", CliFixture.CLUSTER, "--service", "web-never", "--image", CliFixture.HEALTHY_V2);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err())
                .contains("deployment of " + CliFixture.CLUSTER + "/web-never")
                .contains("ended as FAILED")
                .contains("the process ended before the deployment started; nothing was changed in the service");
    }

    @Test
    void shouldRecordTheLaunchedTaskArnWhileTheRunIsInProgress() {
        fixture.registerTaskDefinition("migrate", "migrate", CliFixture.MIGRATE);

        CliRun run = fixture.run(
                "run-task", "--cluster", CliFixture.CLUSTER, "--task-definition", "migrate", "--subnets", "subnet-1");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<HistoryEntry> lines = HistoryStore.open(history, event -> {}).readAll();
        assertThat(lines).as("started, launched, finished").hasSize(3);
        assertThat(lines.get(1)).isInstanceOfSatisfying(TaskRunEntry.class, launched -> {
            assertThat(launched.status()).isEqualTo(OperationStatus.IN_PROGRESS);
            assertThat(launched.taskArn()).contains(":task/" + CliFixture.CLUSTER + "/");
            assertThat(launched.id()).isEqualTo(lines.get(2).id());
        });
    }

    /** What `deploy` records before its first mutation, by a process that is then killed. */
    private StartedOperation killedDeploy(String service) {
        Emulator emulator = fixture.emulator();
        HistoryRecorder recorder = HistoryRecorder.builder()
                .store(HistoryStore.open(history, event -> {}))
                .clock(Clock.fixed(emulator.now(), ZoneOffset.UTC))
                .region(Emulator.DEFAULT_REGION)
                .origin(Origin.user("killed"))
                .build();
        return recorder.deploymentStarted(DeploymentRequest.builder()
                .cluster(CliFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(CliFixture.HEALTHY_V2))
                .build());
    }
}
