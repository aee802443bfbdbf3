package dev.ecsdeploy.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class EmulatorServerLatencyTest {
    private static final int WARM_UP = 20;
    private static final int MEASURED = 40;

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    /** Regression: without TCP_NODELAY every call waited for the client's delayed ACK (about 40-50 ms per call). */
    @Test
    void shouldAnswerAKeptAliveConnectionWithoutDelayedAckStalls() {
        CloudWatchLogsClient logs = AWS.logs();
        for (int i = 0; i < WARM_UP; i++) {
            logs.describeLogGroups();
        }

        long started = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            logs.describeLogGroups();
        }
        Duration perCall = Duration.ofNanos((System.nanoTime() - started) / MEASURED);

        assertThat(perCall).isLessThan(Duration.ofMillis(25));
    }
}
