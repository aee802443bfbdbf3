package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.emulator.faults.UnimplementedOperations.Style;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
}
