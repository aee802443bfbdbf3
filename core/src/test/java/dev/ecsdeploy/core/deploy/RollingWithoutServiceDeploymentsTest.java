package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.emulator.faults.UnimplementedOperations.Style;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rolling matrix against an endpoint that does not implement ListServiceDeployments and
 * DescribeServiceDeployments: the engine follows DescribeServices' deployments[] and every verdict is unchanged.
 */
class RollingWithoutServiceDeploymentsTest extends AbstractRollingScenarioTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @Override
    EmulatorExtension aws() {
        return AWS;
    }

    @Override
    boolean servesServiceDeployments() {
        return false;
    }

    @BeforeEach
    void switchOffServiceDeployments() {
        AWS.emulator().unimplemented().add("ecs:ListServiceDeployments", Style.AWS);
        AWS.emulator().unimplemented().add("ecs:DescribeServiceDeployments", Style.AWS);
    }

    @AfterEach
    void switchOnServiceDeployments() {
        AWS.emulator().unimplemented().clear();
    }

    @Test
    void shouldAskForServiceDeploymentsOnceAndRememberTheyAreMissing() {
        String service = newService(2);
        long asked = listServiceDeploymentsCalls();

        DeploymentRecord record = deploy(request(service, EcsFixture.HEALTHY_V2).build());

        assertThat(record.status()).as(record.reason()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(listServiceDeploymentsCalls() - asked).as("only start asks").isEqualTo(1);
    }

    @Test
    void shouldLearnOnceThatServiceDeploymentsAreMissingFromAHandleOfAnOlderForm() throws Exception {
        String service = newService(2);
        DeploymentEngine engine = fixture.engine();
        DeploymentHandle started =
                engine.start(request(service, EcsFixture.HEALTHY_V2).build());
        assertThat(started.serviceDeploymentsUnavailable()).isTrue();
        DeploymentHandle older = withoutTheFlag(started);
        long asked = listServiceDeploymentsCalls();

        OperationPoll<DeploymentHandle, DeploymentRecord> round = engine.poll(older);
        while (round.outcome().isEmpty()) {
            fixture.emulator().advance(round.nextPollIn());
            round = engine.poll(round.handle());
        }

        assertThat(round.outcome().get().status()).isEqualTo(DeploymentStatus.SUCCESSFUL);
        assertThat(listServiceDeploymentsCalls() - asked)
                .as("asked once, then remembered")
                .isEqualTo(1);
    }

    private long listServiceDeploymentsCalls() {
        return AWS.emulator()
                .callLog()
                .matching(call -> call.operation().equals("ListServiceDeployments"))
                .size();
    }

    /** The handle as a form serialized before the flag existed reads: the flag false, everything else the same. */
    private static DeploymentHandle withoutTheFlag(DeploymentHandle handle) throws Exception {
        RecordComponent[] components = DeploymentHandle.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = components[i].getAccessor().invoke(handle);
            types[i] = components[i].getType();
        }
        values[components.length - 1] = false;
        return DeploymentHandle.class.getDeclaredConstructor(types).newInstance(values);
    }
}
