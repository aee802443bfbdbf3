package dev.ecsdeploy.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.emulator.junit.EmulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class EmulatorServerLatencyTest {
    private static final int WARM_UP = 20;
    private static final int MEASURED = 41;

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.withManualClock();

    /**
     * Regression: without TCP_NODELAY every call on a kept-alive connection waited for the client's delayed ACK,
     * 40-50 ms each. The median is used so that a busy build machine cannot fail the test with a few slow calls.
     */
    @Test
    void shouldAnswerAKeptAliveConnectionWithoutDelayedAckStalls() {
        CloudWatchLogsClient logs = AWS.logs();
        for (int i = 0; i < WARM_UP; i++) {
            logs.describeLogGroups();
        }

        List<Duration> calls = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long started = System.nanoTime();
            logs.describeLogGroups();
            calls.add(Duration.ofNanos(System.nanoTime() - started));
        }
        Collections.sort(calls);

        assertThat(calls.get(MEASURED / 2)).as("median time per call").isLessThan(Duration.ofMillis(25));
    }
}
