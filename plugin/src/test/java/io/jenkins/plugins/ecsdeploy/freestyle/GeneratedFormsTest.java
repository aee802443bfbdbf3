package io.jenkins.plugins.ecsdeploy.freestyle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The help files, config.jelly forms and user docs of the pipeline steps and the Freestyle build steps are
 * generated from one table ({@code plugin/src/test/resources/step-help.py}); this runs the generator into a
 * temporary directory and finds every committed file equal to what it generates.
 */
class GeneratedFormsTest {
    private static final String SCRIPT = "plugin/src/test/resources/step-help.py";

    @Test
    void shouldMatchWhatTheGeneratorWrites(@TempDir Path output) throws Exception {
        Path root = repositoryRoot();
        Process generator = new ProcessBuilder("python3", root.resolve(SCRIPT).toString(), output.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(generator.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(generator.exitValue())
                .as(new String(generator.getInputStream().readAllBytes()))
                .isZero();

        List<Path> generated = files(output);
        assertThat(generated)
                .contains(Path.of("docs/user/freestyle.md"))
                .anyMatch(path -> path.toString().contains("freestyle/EcsDeployCanaryBuilder/config.jelly"));
        for (Path file : generated) {
            assertThat(root.resolve(file))
                    .as(file + " is stale: run python3 " + SCRIPT)
                    .hasSameTextualContentAs(output.resolve(file));
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).map(directory::relativize).toList();
        }
    }

    private static Path repositoryRoot() {
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null && !Files.exists(candidate.resolve(SCRIPT))) {
            candidate = candidate.getParent();
        }
        assertThat(candidate).as("repository root above the working directory").isNotNull();
        return candidate;
    }
}
