package dev.ecsdeploy.core.ecr;

import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.emulator.Emulator;

/** Lets tests in sub-packages reach the shared emulator connection. */
public final class EcrTestSupportAccess {
    private EcrTestSupportAccess() {}

    public static AwsConnection connection(Emulator emulator) {
        return EcrTestSupport.connection(emulator);
    }
}
