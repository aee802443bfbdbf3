package dev.ecsdeploy.core.deploy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

/** Runs on both SDKs: the newest in the main build, the floor (2.42, without PAUSE hooks) with -Psdk-floor. */
class SdkCapabilitiesTest {
    @Test
    void shouldFindPauseHooksExactlyFromSdk250() {
        assertThat(SdkCapabilities.pauseHooks()).as(sdkVersion()).isEqualTo(sdkAtLeast(2, 50));
    }

    @Test
    void shouldExplainWhatIsMissingOnAnSdkWithoutPauseHooks() {
        if (sdkAtLeast(2, 50)) {
            assertThatCode(() -> SdkCapabilities.requirePauseHooks("pausing a canary"))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> SdkCapabilities.requirePauseHooks("pausing a canary"))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("pausing a canary is not possible with this AWS SDK: PAUSE lifecycle hooks and"
                            + " ContinueServiceDeployment need AWS SDK for Java 2.50 or newer");
        }
    }

    @Test
    void shouldTreatAMissingModelClassAsAnOlderSdk() {
        assertThat(SdkCapabilities.present("software.amazon.awssdk.services.ecs.model.NotInAnySdk"))
                .isFalse();
        assertThat(SdkCapabilities.present("software.amazon.awssdk.services.ecs.model.ServiceDeployment"))
                .isTrue();
    }

    private static boolean sdkAtLeast(int major, int minor) {
        String[] parts = sdkVersion().split("\\.");
        int actualMajor = Integer.parseInt(parts[0]);
        int actualMinor = Integer.parseInt(parts[1]);
        return actualMajor > major || (actualMajor == major && actualMinor >= minor);
    }

    /** The version of the SDK on the classpath; read at run time, because javac inlines the constant. */
    private static String sdkVersion() {
        try {
            return (String) VersionInfo.class.getField("SDK_VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
