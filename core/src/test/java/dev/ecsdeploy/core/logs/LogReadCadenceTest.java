package dev.ecsdeploy.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogReadCadenceTest {
    private final LogReadCadence cadence = LogReadCadence.DEFAULT;

    @Test
    void shouldReadQuicklyWhileLinesArrive() {
        assertThat(cadence.afterEvents(3)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shouldReadAgainAtOnceAfterAPageThatMayHaveBeenCut() {
        assertThat(cadence.afterEvents(LogReadCadence.LARGE_PAGE)).isZero();
    }

    @Test
    void shouldBackOffToOneReadPerFiveSecondsOnceQuiet() {
        Duration first = cadence.afterQuiet(Duration.ZERO);
        Duration second = cadence.afterQuiet(first);
        Duration third = cadence.afterQuiet(second);

        assertThat(first).isEqualTo(Duration.ofSeconds(2));
        assertThat(second).isEqualTo(Duration.ofSeconds(4));
        assertThat(third).isEqualTo(Duration.ofSeconds(5));
        assertThat(cadence.afterQuiet(third)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldWaitTheIdlePauseAfterAThrottledRead() {
        assertThat(cadence.afterThrottled()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void shouldRejectAnActivePauseLongerThanTheIdleOne() {
        assertThatThrownBy(() -> new LogReadCadence(Duration.ofSeconds(10), Duration.ofSeconds(5)))
                .hasMessage("log read cadence is invalid: active (PT10S) must be between 0 and idle (PT5S)");
    }
}
