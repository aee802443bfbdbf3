package dev.ecsdeploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalWriterTest {
    @ParameterizedTest
    @ValueSource(
            chars = {
                '\u0000', '\u0007', '\u0008', '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e',
                '\u2066', '\u2069', '\u200f', '\u061c'
            })
    void shouldEscapeEveryControlAndBidiCharacter(char unsafe) {
        String escaped = TerminalWriter.escape("a" + unsafe + "b");

        assertThat(escaped).isEqualTo("a\\u%04xb".formatted((int) unsafe));
    }

    @Test
    void shouldLeaveTextTabsLineFeedsAndOtherUnicodeAsTheyAre() {
        String text = "déploiement\tprod ✓\nnext line 日本";

        assertThat(TerminalWriter.escape(text)).isSameAs(text);
    }

    @Test
    void shouldEscapeEverythingWrittenWhileControlSequencesOfItsOwnPassAndJsonStaysJson() throws Exception {
        StringWriter target = new StringWriter();
        TerminalWriter writer = TerminalWriter.of(new PrintWriter(target));
        String hostile = "prod\u001b[31m\u202e\u009b";

        writer.control("\r");
        writer.print(hostile);
        writer.println();
        writer.print(JsonOutput.MAPPER.writeValueAsString(Map.of("environment", hostile)));
        writer.flush();

        String written = target.toString();
        int lineEnd = written.indexOf(System.lineSeparator());
        String json = written.substring(lineEnd + System.lineSeparator().length());
        assertThat(written.substring(0, lineEnd)).isEqualTo("\rprod\\u001b[31m\\u202e\\u009b");
        assertThat(new ObjectMapper().readTree(json).path("environment").asText())
                .isEqualTo(hostile);
        assertThat(json).doesNotContain("\u001b", "\u202e", "\u009b");
    }

    @Test
    void shouldWrapOnlyOnce() {
        TerminalWriter writer = TerminalWriter.of(new PrintWriter(new StringWriter()));

        assertThat(TerminalWriter.of(writer)).isSameAs(writer);
    }
}
