package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Issue 10: every verb's --help reads right: no "null" from an unresolved ${...}, and flags, not field names. */
class HelpTextTest {
    static Stream<String> verbs() {
        return new CommandLine(new EcsDeployCommand()).getSubcommands().keySet().stream();
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("verbs")
    void shouldRenderHelpWithoutNullOrFieldNames(String verb) {
        CliRun run = CliRun.of(verb, "--help");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("--help").doesNotContainPattern("\\bnull\\b");
        assertThat(run.out().replace("${NAME}", ""))
                .as("no variable left uninterpolated")
                .doesNotContain("${");
        String prose = run.out().replaceAll("<[^>]*>", "<label>");
        for (String fieldName : fieldNamesOfFlags(verb)) {
            assertThat(prose)
                    .as("help of %s names the flag, not the field %s", verb, fieldName)
                    .doesNotContainPattern("\\b" + fieldName + "\\b");
        }
    }

    @org.junit.jupiter.api.Test
    void shouldShowTheTaskDefinitionPlaceholderLiterally() {
        CliRun run = CliRun.of("deploy", "--help");

        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("(${NAME} filled from --var)")
                .contains("Value for ${NAME} in a task definition file.");
    }

    /** The camel-case name a flag such as --create-repository would have as a field or step parameter. */
    private static List<String> fieldNamesOfFlags(String verb) {
        List<String> names = new ArrayList<>();
        CommandLine command =
                new CommandLine(new EcsDeployCommand()).getSubcommands().get(verb);
        for (OptionSpec option : command.getCommandSpec().options()) {
            String flag = option.longestName().replaceFirst("^-+", "");
            if (flag.contains("-")) {
                names.add(camelCase(flag));
            }
        }
        return names;
    }

    private static String camelCase(String flag) {
        StringBuilder name = new StringBuilder();
        for (String part : flag.split("-")) {
            name.append(name.length() == 0 ? part : part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1));
        }
        return name.toString();
    }
}
