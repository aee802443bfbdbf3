package dev.ecsdeploy.core.ecr.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.ecr.EcrImageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A scan wait must be positive and bounded; callers check it before the push with the same rule. */
class ScanRequestTimeoutTest {
    private static final String DIGEST = "sha256:" + "0".repeat(64);

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-1M"})
    void shouldRefuseATimeoutThatIsNotPositive(String timeout) {
        Duration value = Duration.parse(timeout);

        assertThatThrownBy(() -> ScanRequest.requireTimeout(value))
                .isInstanceOf(EcrImageException.class)
                .hasMessage("invalid scan timeout " + value + ": it must be positive");
        assertThatThrownBy(() -> ScanRequest.of("web", DIGEST).withTimeout(value, ScanVerdict.FAIL))
                .isInstanceOf(EcrImageException.class);
    }

    @Test
    void shouldRefuseATimeoutLongerThanThirtyDaysAndKeepAShorterOne() {
        assertThatThrownBy(() -> ScanRequest.requireTimeout(Duration.ofDays(31)))
                .isInstanceOf(EcrImageException.class)
                .hasMessageEndingWith("it must be at most 30 days");
        assertThat(ScanRequest.requireTimeout(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
    }
}
