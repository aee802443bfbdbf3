package dev.ecsdeploy.core.ecr.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command with a time limit is stopped when the limit passes, and keeps the output it wrote until then. */
class LocalCommandRunnerTest {
    private final LocalCommandRunner runner = new LocalCommandRunner();

    @Test
    void shouldStopACommandThatOutlivesItsTimeout() {
        long started = System.nanoTime();

        CommandResult result = runner.run(
                Command.of(List.of("sh", "-c", "echo waiting; exec sleep 30")).withTimeout(Duration.ofMillis(500)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.exitCode()).isEqualTo(LocalCommandRunner.TIMED_OUT_EXIT_CODE);
        assertThat(result.outputLines()).containsExactly("waiting", "sh: no answer within 500 ms; stopped");
    }

    @Test
    void shouldReturnTheOutputOfACommandThatEndsInTime() {
        CommandResult result = runner.run(Command.of(List.of("sh", "-c", "echo one; echo two >&2; exit 3"))
                .withTimeout(Duration.ofSeconds(20)));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.outputLines()).containsExactlyInAnyOrder("one", "two");
    }
}
