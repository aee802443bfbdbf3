package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Drops the engine at every phase: each poll is first run by an engine that "dies" before its result is persisted,
 * then rerun from the deserialized handle by a fresh engine. The verdict must be the same and no mutation repeated.
 */
class RestartTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    private EcsFixture fixture;

    @BeforeEach
    void prepare() {
        fixture = new EcsFixture(AWS);
        fixture.prepare();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void shouldResumeASuccessfulDeploymentWithoutRepeatingAMutation() {
        fixture.service("restart-ok", 2);
        long registers = fixture.calls("RegisterTaskDefinition");
        long updates = fixture.calls("UpdateService");

        DeploymentRecord record = runWithRestarts(request("restart-ok", EcsFixture.HEALTHY_V2));

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(fixture.calls("RegisterTaskDefinition")).isEqualTo(registers + 1);
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates + 1);
    }

    @Test
    void shouldResumeACircuitBreakerFailureWithTheSameVerdict() {
        fixture.service("restart-crash", 2);
        long updates = fixture.calls("UpdateService");

        DeploymentRecord record = runWithRestarts(request("restart-crash", EcsFixture.CRASHING));

        assertThat(record.status()).isEqualTo(DeploymentStatus.ROLLED_BACK);
        assertThat(record.reason()).contains("circuit breaker");
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates + 1);
    }

    @Test
    void shouldResumeWhileWaitingForAnotherDeploymentAsItDoesByDefault() {
        fixture.service("restart-wait", 1);
        DeploymentEngine other = fixture.engine();
        other.poll(other.start(request("restart-wait", EcsFixture.HEALTHY_V2)));
        long updates = fixture.calls("UpdateService");

        DeploymentRecord record = runWithRestarts(DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service("restart-wait")
                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY))
                .build());

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates + 1);
    }

    @Test
    void shouldResumeACanaryAcrossAPauseWithoutRepeatingTheDecision() {
        fixture.serviceWithTrafficShifting("restart-canary", 2);
        long updates = fixture.calls("UpdateService");
        long continues = fixture.calls("ContinueServiceDeployment");
        DeploymentRequest paused = DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service("restart-canary")
                .strategy(new DeploymentStrategy.Canary(20, 1, 0))
                .pauseAt("POST_TEST_TRAFFIC_SHIFT")
                .source(TaskDefinitionSource.currentWithImage(EcsFixture.HEALTHY_V2))
                .build();
        if (PauseHooksOnThisSdk.refused(fixture, paused)) {
            return;
        }

        DeploymentRecord record = runWithRestarts(paused);

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates + 1);
        assertThat(fixture.calls("ContinueServiceDeployment")).isEqualTo(continues + 1);
    }

    private DeploymentRecord runWithRestarts(DeploymentRequest request) {
        byte[] persisted = serialize(fixture.engine().start(request));
        Decision decision = null;
        while (true) {
            fixture.engine().poll(deserialize(persisted), decision);
            OperationPoll<DeploymentHandle, DeploymentRecord> result =
                    fixture.engine().poll(deserialize(persisted), decision);
            if (result.outcome().isPresent()) {
                return result.outcome().get();
            }
            persisted = serialize(result.handle());
            decision = result.awaiting().isPresent() ? Decision.CONTINUE : null;
            if (decision == null) {
                fixture.emulator().advance(result.nextPollIn());
            }
        }
    }

    private static DeploymentRequest request(String service, String image) {
        return DeploymentRequest.builder()
                .cluster(EcsFixture.CLUSTER)
                .service(service)
                .source(TaskDefinitionSource.currentWithImage(image))
                .build();
    }

    static byte[] serialize(DeploymentHandle handle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DeploymentHandle deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (DeploymentHandle) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
