package dev.ecsdeploy.core.task.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.task.*;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescribeCadenceTest {
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 2", "2, 4", "3, 5", "4, 5", "100, 5"})
    void shouldDescribeFasterRightAfterStartAndEveryFiveSecondsOnceSteady(int describes, int seconds) {
        assertThat(DescribeCadence.after(describes)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"600, 10m", "90, 1m30s", "5400, 1h30m", "3600, 1h", "0, 0s", "45, 45s"})
    void shouldRenderTimeoutsTheWayPeopleSayThem(long seconds, String text) {
        assertThat(DescribeCadence.human(Duration.ofSeconds(seconds))).isEqualTo(text);
    }
}
