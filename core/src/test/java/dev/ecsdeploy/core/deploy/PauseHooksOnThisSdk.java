package dev.ecsdeploy.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.deploy.internal.SdkCapabilities;

/**
 * PAUSE hooks need AWS SDK for Java 2.50 or newer, and the SDK inside Jenkins (the SDK floor, {@code -Psdk-floor}) is
 * older. A test of a deployment that pauses asks {@link #refused} first: on an SDK without PAUSE hooks it checks that
 * the engine refuses the request up front, with the message the user sees and before any change to the service, and
 * answers true, so the test ends there; on a newer SDK it answers false and the test goes on.
 */
final class PauseHooksOnThisSdk {
    private PauseHooksOnThisSdk() {}

    static boolean refused(EcsFixture fixture, DeploymentRequest request) {
        if (SdkCapabilities.pauseHooks()) {
            return false;
        }
        long updates = fixture.calls("UpdateService");
        assertThatThrownBy(() -> fixture.engine().start(request))
                .isInstanceOf(InvalidDeploymentException.class)
                .hasMessage("deployment refused: PAUSE hooks at " + request.pauseAtStages()
                        + " need AWS SDK for Java 2.50 or newer (ContinueServiceDeployment)");
        assertThat(fixture.calls("UpdateService")).isEqualTo(updates);
        return true;
    }
}
