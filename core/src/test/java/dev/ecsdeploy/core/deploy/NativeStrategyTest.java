package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class NativeStrategyTest extends AbstractNativeStrategyTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    @Override
    EmulatorExtension aws() {
        return AWS;
    }
}
