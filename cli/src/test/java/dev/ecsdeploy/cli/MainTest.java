package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class MainTest {
    @Test
    void shouldPrintHelpOnStdoutAndExitZero() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("build-push", "promote", "deploy", "rollback", "run-task", "history", "emulator", "demo");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldListTheCommonOptionsOnEveryAwsCommand() {
        for (String verb : new String[] {"build-push", "promote", "deploy", "rollback", "run-task", "history"}) {
            CliRun run = CliRun.of(verb, "--help");

            assertThat(run.out())
                    .as(verb)
                    .contains("--region", "--profile", "--role-arn", "--endpoint-url", "--json", "--history");
        }
    }

    @Test
    void shouldExitTwoOnAnUnknownVerbOrOption() {
        CliRun verb = CliRun.of("deploi");
        CliRun option = CliRun.of("deploy", "--clustr", "x");

        assertThat(verb.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(option.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(verb.err()).startsWith("invalid command line: ");
        assertThat(verb.out() + option.out()).isEmpty();
    }

    @Test
    void shouldReadDurationsAsPeopleWriteThem() {
        assertThat(DurationConverter.parse("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DurationConverter.parse("15 minutes")))
                .isInstanceOf(TypeConversionException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DurationConverter.parse("m")))
                .isInstanceOf(TypeConversionException.class);
    }

    @Test
    void shouldPrintHelpWithoutColourSequencesEvenWhenPicocliIsToldToColour() {
        String previous = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            CliRun run = CliRun.of("deploy", "--help");

            assertThat(run.out()).contains("--cluster").doesNotContain("\u001b", "\\u001b");
        } finally {
            if (previous == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", previous);
            }
        }
    }

    @Test
    void shouldEscapeTerminalSequencesInWhatTheUserTyped() {
        CliRun run = CliRun.of("deploi\u001b]0;owned\u0007");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.err()).contains("deploi\\u001b]0;owned\\u0007").doesNotContain("\u001b", "\u0007");
    }
}
