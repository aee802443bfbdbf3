package dev.ecsdeploy.core.deploy.codedeploy;

import static dev.ecsdeploy.core.deploy.codedeploy.CodeDeployFixture.V2;
import static dev.ecsdeploy.core.deploy.codedeploy.CodeDeployFixture.deployment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drops the engine in every phase: each round is first run by an engine that "dies" before its handle is persisted,
 * then rerun by a fresh engine from the Java-serialized handle. The verdict must not change, and the emulator's call
 * log must show CreateDeployment (and every decision) exactly once.
 */
class CodeDeployRestartTest {
    @RegisterExtension
    final EmulatorExtension aws = EmulatorExtension.withManualClock();

    private CodeDeployFixture fixture;
    private final Set<CodeDeployHandle.Phase> phases = EnumSet.noneOf(CodeDeployHandle.Phase.class);

    @AfterEach
    void close() {
        fixture.close();
    }

    private void prepare(int readyWaitMinutes) {
        fixture = new CodeDeployFixture(aws);
        fixture.prepare(readyWaitMinutes);
    }

    @Test
    void shouldResumeEveryPhaseOfASuccessfulDeploymentAcrossTheReadyWait() throws Exception {
        prepare(60);

        DeploymentRecord record = runWithRestarts(
                CodeDeployRequest.builder(deployment(V2).build()).build(), Decision.CONTINUE, -1);

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(phases)
                .contains(
                        CodeDeployHandle.Phase.CREATE_PENDING,
                        CodeDeployHandle.Phase.FOLLOWING,
                        CodeDeployHandle.Phase.DONE);
        assertThat(fixture.calls("CreateDeployment")).isEqualTo(1);
        assertThat(fixture.calls("ContinueDeployment")).isEqualTo(1);
        assertThat(fixture.productionOn()).isEqualTo("green");
    }

    @Test
    void shouldResumeAHookFailureThroughCodeDeploysRollback() throws Exception {
        prepare(0);
        fixture.emulator().codeDeploy().hookResult("smoke-test", "Failed");

        DeploymentRecord record = runWithRestarts(
                CodeDeployRequest.builder(deployment(V2).build())
                        .hook("AfterInstall", "smoke-test")
                        .build(),
                null,
                -1);

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(phases).contains(CodeDeployHandle.Phase.ROLLING_BACK);
        assertThat(fixture.calls("CreateDeployment")).isEqualTo(1);
        assertThat(fixture.productionOn()).isEqualTo("blue");
    }

    @Test
    void shouldResumeARollbackDecidedAtTheReadyWait() throws Exception {
        prepare(60);

        DeploymentRecord record = runWithRestarts(
                CodeDeployRequest.builder(deployment(V2).build()).build(), Decision.ROLLBACK, -1);

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(fixture.calls("CreateDeployment")).isEqualTo(1);
        assertThat(fixture.calls("StopDeployment")).isEqualTo(1);
    }

    @Test
    void shouldResumeAnAbort() throws Exception {
        prepare(0);

        DeploymentRecord record = runWithRestarts(
                CodeDeployRequest.builder(deployment(V2).build())
                        .deploymentConfigName("CodeDeployDefault.ECSLinear10PercentEvery3Minutes")
                        .build(),
                null,
                8);

        assertThat(record.status()).isEqualTo(DeploymentStatus.ABORTED);
        assertThat(fixture.calls("CreateDeployment")).isEqualTo(1);
        assertThat(fixture.calls("StopDeployment")).isEqualTo(1);
        assertThat(fixture.productionOn()).isEqualTo("blue");
    }

    /** Runs to the verdict with a lost round before every persisted one; aborts at round {@code abortAt} (or never). */
    private DeploymentRecord runWithRestarts(CodeDeployRequest request, Decision atReady, int abortAt)
            throws Exception {
        byte[] persisted = serialize(fixture.engine().start(request));
        Decision decision = null;
        for (int round = 0; ; round++) {
            CodeDeployHandle handle = deserialize(persisted);
            phases.add(handle.phase());
            OperationPoll<CodeDeployHandle, DeploymentRecord> result;
            if (round == abortAt) {
                fixture.engine().abort(handle, "restart test");
                result = fixture.engine().abort(deserialize(persisted), "restart test");
            } else {
                fixture.engine().poll(handle, decision);
                result = fixture.engine().poll(deserialize(persisted), decision);
            }
            if (result.isDone()) {
                return resumedAfterTheEnd(result);
            }
            persisted = serialize(result.handle());
            decision = result.awaiting().isPresent() ? atReady : null;
            if (decision == null) {
                fixture.emulator().advance(result.nextPollIn());
            }
        }
    }

    /** A caller that died after persisting the final handle reads the same record again, calling nothing. */
    private DeploymentRecord resumedAfterTheEnd(OperationPoll<CodeDeployHandle, DeploymentRecord> last)
            throws Exception {
        long calls = fixture.emulator().callLog().all().size();
        CodeDeployHandle done = deserialize(serialize(last.handle()));
        phases.add(done.phase());
        DeploymentRecord again = fixture.engine().poll(done).outcome().orElseThrow();
        assertThat(again).isEqualTo(last.outcome().orElseThrow());
        assertThat(fixture.emulator().callLog().all()).hasSize((int) calls);
        return again;
    }

    private static byte[] serialize(CodeDeployHandle handle) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        }
        return bytes.toByteArray();
    }

    private static CodeDeployHandle deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (CodeDeployHandle) in.readObject();
        }
    }
}
