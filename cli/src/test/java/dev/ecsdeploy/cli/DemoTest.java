package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code ecsdeploy demo} end to end, as the README's first command and CI do. */
class DemoTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "hello");

    @TempDir
    Path output;

    @Test
    void shouldRunTheWholeDemoInUnderAMinute() throws Exception {
        long started = System.nanoTime();

        CliRun run = CliRun.of("demo", "--example", EXAMPLE.toString(), "--output", output.toString());

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(took).as(run.toString()).isLessThan(Duration.ofSeconds(60));
        assertThat(run.out())
                .as("the circuit breaker step is reported as a failure")
                .containsPattern("FAILURE \\(expected\\) +deploy the broken hello:1.0.1 to dev");
        assertThat(run.err()).contains("ROLLED_BACK").contains("pause gate at POST_TEST_TRAFFIC_SHIFT");
        assertThat(run.err()).contains("  | migrate: 2 migrations applied");
        Path report = output.resolve("report.html").toAbsolutePath();
        assertThat(run.out()).contains("report: " + report);
        assertThat(report).exists();
        assertThat(Files.readString(report)).contains("hello-prod").contains("hello-dev");
    }
}
