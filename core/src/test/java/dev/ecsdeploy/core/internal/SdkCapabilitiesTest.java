package dev.ecsdeploy.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdkCapabilitiesTest {
    @Test
    void shouldFindPauseHooksInTheSdkWeBuildWith() {
        assertThat(SdkCapabilities.pauseHooks()).isTrue();
    }

    @Test
    void shouldTreatAMissingModelClassAsAnOlderSdk() {
        assertThat(SdkCapabilities.present("software.amazon.awssdk.services.ecs.model.NotInAnySdk"))
                .isFalse();
        assertThat(SdkCapabilities.present("software.amazon.awssdk.services.ecs.model.ServiceDeployment"))
                .isTrue();
    }
}
