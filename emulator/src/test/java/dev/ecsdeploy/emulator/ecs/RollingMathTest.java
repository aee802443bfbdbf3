package dev.ecsdeploy.emulator.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RollingMathTest {
    @ParameterizedTest(name = "desired {0}, {1} {2}, minimum {3} → threshold {4}")
    @CsvSource({
        "1, BOUNDED_PERCENT, 50, 3, 3",
        "4, BOUNDED_PERCENT, 50, 3, 3",
        "7, BOUNDED_PERCENT, 50, 3, 4",
        "25, BOUNDED_PERCENT, 50, 3, 13",
        "400, BOUNDED_PERCENT, 50, 3, 200",
        "1, BOUNDED_PERCENT, 50, 10, 10",
        "25, BOUNDED_PERCENT, 50, 10, 13",
        "4, COUNT, 2, 3, 2",
        "4, UNBOUNDED_PERCENT, 25, 3, 1",
        "1000, UNBOUNDED_PERCENT, 50, 3, 500"
    })
    void shouldComputeTheCircuitBreakerThresholdAsAwsDocumentsIt(
            int desired, String type, int value, int minimum, int expected) {
        assertThat(RollingMath.breakerThreshold(desired, type, value, minimum)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "desired {0}, {1}/{2} % → at least {3} healthy, at most {4} tasks")
    @CsvSource({"4, 50, 200, 2, 8", "3, 50, 150, 2, 4", "3, 34, 134, 2, 4", "5, 75, 125, 4, 6", "1, 0, 100, 0, 1"})
    void shouldRoundTheMinimumUpAndTheMaximumDown(
            int desired, int minimum, int maximum, int minimumHealthy, int maximumTasks) {
        RollingMath math = new RollingMath(desired, minimum, maximum);

        assertThat(math.minimumHealthy()).isEqualTo(minimumHealthy);
        assertThat(math.maximumTasks()).isEqualTo(maximumTasks);
    }
}
