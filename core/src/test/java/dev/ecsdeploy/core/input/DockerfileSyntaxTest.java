package dev.ecsdeploy.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DockerfileSyntaxTest {
    private static final Path FILE = Path.of("Dockerfile");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FROM scratch\nCOPY a /a\n",
                "# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM ${BASE} AS build\nRUN echo a \\\n  && echo b\n",
                "# escape=`\nFROM scratch\nLABEL a=b `\n  c=d\nCMD [\"/a\"]\n",
                "from scratch\ncopy a /a\n",
                "FROM alpine\nRUN <<EOF\nnot an instruction\nEOF\nCMD [\"x\"]\n",
                "\n# comment\nFROM scratch\n\n  # indented comment\nENTRYPOINT [\"/a\"]\n"
            })
    void shouldAcceptDockerfiles(String text) {
        assertThat(DockerfileSyntax.check(FILE, text).isValid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FROM scratch\\nCOPPY a /a\\n|line 2: unknown instruction COPPY",
                "RUN echo\\nFROM scratch\\n|line 1: RUN before the first FROM",
                "# just a comment\\n|has no FROM line: it is not a Dockerfile",
                "<html>\\n|line 1: unknown instruction <html>",
                "FROM\\n|line 1: FROM needs an argument",
                "FROM scratch\\nCOPY a\\n|line 2: COPY needs a source and a destination"
            })
    void shouldNameTheFirstLineThatIsNotDockerfileSyntax(String text, String problem) {
        assertThat(DockerfileSyntax.check(FILE, text.replace("\\n", "\n")).problem())
                .get()
                .extracting(ValidationProblem::message)
                .isEqualTo("Dockerfile syntax error: Dockerfile " + problem);
    }
}
