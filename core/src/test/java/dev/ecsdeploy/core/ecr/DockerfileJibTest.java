package dev.ecsdeploy.core.ecr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A Dockerfile within what Jib can express becomes a Jib image; anything else is refused with the line. */
class DockerfileJibTest {
    private static final Path DOCKERFILE = Path.of("/app/Dockerfile");
    private static final Path CONTEXT = Path.of("/app");

    @Test
    void shouldReadEveryInstructionJibCanExpress() {
        JibImage image = DockerfileJib.parse("""
                # comment
                FROM eclipse-temurin:21-jre AS runtime
                COPY --chmod=755 bin/start.sh /srv/start.sh
                COPY app/a.html app/b.html /srv/www/
                ENV GREETING="Hello \\"you\\"" MODE=prod
                WORKDIR /srv
                LABEL org.opencontainers.image.title="web" \\
                      team=core
                EXPOSE 8080
                USER 1000
                ENTRYPOINT ["/srv/start.sh", "--port", "8080"]
                CMD serve --fast
                """, DOCKERFILE, CONTEXT);

        assertThat(image.baseImage()).isEqualTo("eclipse-temurin:21-jre");
        assertThat(image.layers())
                .containsExactly(
                        new JibLayer(CONTEXT.resolve("bin/start.sh"), "/srv/start.sh", true),
                        new JibLayer(CONTEXT.resolve("app/a.html"), "/srv/www/a.html", false),
                        new JibLayer(CONTEXT.resolve("app/b.html"), "/srv/www/b.html", false));
        assertThat(image.environment())
                .containsEntry("GREETING", "Hello \"you\"")
                .containsEntry("MODE", "prod");
        assertThat(image.labels())
                .containsEntry("org.opencontainers.image.title", "web")
                .containsEntry("team", "core");
        assertThat(image.entrypoint()).containsExactly("/srv/start.sh", "--port", "8080");
        assertThat(image.command()).containsExactly("/bin/sh", "-c", "serve --fast");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FROM debian\\nRUN apt-get update|'RUN apt-get update': RUN runs or fetches something",
                "FROM debian\\nADD https://x/y /y|'ADD https://x/y /y': ADD runs or fetches something",
                "FROM debian\\nARG V|'ARG V': ARG runs or fetches something",
                "FROM a AS b\\nFROM b|'FROM b': multi-stage builds need a real builder",
                "FROM a\\nCOPY --from=b /x /y|'COPY --from=b /x /y': COPY --from=b is not supported by Jib",
                "FROM a\\nCOPY onlyone|'COPY onlyone': COPY needs a source and a destination"
            })
    void shouldRefuseWhatNeedsARealBuilderNamingTheLine(String dockerfile, String why) {
        assertThatThrownBy(() -> DockerfileJib.parse(dockerfile.replace("\\n", "\n"), DOCKERFILE, CONTEXT))
                .isInstanceOf(UnsupportedDockerfileException.class)
                .hasMessage("cannot build /app/Dockerfile with Jib: " + why);
    }

    @Test
    void shouldRefuseAFileWithoutFrom() {
        assertThatThrownBy(() -> DockerfileJib.parse("COPY a /a\n", DOCKERFILE, CONTEXT))
                .isInstanceOf(UnsupportedDockerfileException.class)
                .hasMessage("/app/Dockerfile has no FROM line: it is not a Dockerfile");
    }

    @Test
    void shouldReadTheExampleApplicationsDockerfiles() {
        Path hello = Path.of("..", "examples", "hello").toAbsolutePath().normalize();

        JibImage app = DockerfileJib.read(hello.resolve("Dockerfile"), hello);
        JibImage migrate = DockerfileJib.read(hello.resolve("migrate.Dockerfile"), hello);

        assertThat(app.entrypoint()).containsExactly("/srv/start.sh");
        assertThat(app.layers()).extracting(JibLayer::pathInImage).contains("/srv/www/index.html");
        assertThat(migrate.entrypoint()).containsExactly("/srv/migrate.sh");
    }
}
