package dev.ecsdeploy.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogCursorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LogStreamRef STREAM = LogStreamRef.awslogs("/ecs/job", "us-east-1", "ecs", "app", "abc");

    @Test
    void shouldNameTheStreamAfterPrefixContainerAndTask() {
        assertThat(STREAM.streamName()).isEqualTo("ecs/app/abc");
    }

    @Test
    void shouldBeDueOnlyFromItsNextReadTime() {
        LogCursor cursor = LogCursor.start(STREAM, T0);

        assertThat(cursor.isDue(T0.minusMillis(1))).isFalse();
        assertThat(cursor.isDue(T0)).isTrue();
    }

    @Test
    void shouldCountAsDrainedOnlyAfterACaughtUpReadMadeAfterTheStop() {
        Instant stoppedAt = T0.plusSeconds(10);
        LogCursor before = caughtUp(T0.plusSeconds(9));
        LogCursor after = caughtUp(T0.plusSeconds(10));

        assertThat(before.isDrainedAfter(stoppedAt)).isFalse();
        assertThat(after.isDrainedAfter(stoppedAt)).isTrue();
    }

    @Test
    void shouldNotCountAStreamStillReadingAsDrained() {
        LogCursor reading =
                new LogCursor(STREAM, "f/1", 5, LogCursor.State.READING, T0, Duration.ZERO, T0.plusSeconds(20));

        assertThat(reading.isDrainedAfter(T0)).isFalse();
    }

    @Test
    void shouldNeverBeDueOnceItGaveUp() {
        LogCursor gaveUp = new LogCursor(STREAM, null, 0, LogCursor.State.GAVE_UP, T0, Duration.ZERO, T0);

        assertThat(gaveUp.isDue(T0.plusSeconds(60))).isFalse();
        assertThat(gaveUp.isDrainedAfter(T0.plusSeconds(60))).isTrue();
    }

    private static LogCursor caughtUp(Instant readAt) {
        return new LogCursor(STREAM, "f/1", 3, LogCursor.State.CAUGHT_UP, readAt, Duration.ofSeconds(5), readAt);
    }
}
