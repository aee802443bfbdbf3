package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.emulator.faults.FaultRule;
import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same matrix with 30 % of every ECS call throttled while the engine runs: every verdict must be unchanged. */
class RollingDeploymentThrottledTest extends AbstractRollingScenarioTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @Override
    EmulatorExtension aws() {
        return AWS;
    }

    @Override
    List<FaultRule> faults() {
        return List.of(FaultRule.throttle("ecs:*", 30));
    }
}
