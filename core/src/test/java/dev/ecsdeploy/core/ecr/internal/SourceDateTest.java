package dev.ecsdeploy.core.ecr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an image's creation time comes from: never the build time. */
class SourceDateTest {
    private final LocalCommandRunner runner = new LocalCommandRunner();

    @TempDir
    Path directory;

    @Test
    void shouldPreferTheRequestsTimeThenSourceDateEpoch() {
        BuildPushRequest given = request(directory)
                .created(Instant.parse("2026-01-01T00:00:00.750Z"))
                .build();

        assertThat(SourceDate.resolve(given, Map.of("SOURCE_DATE_EPOCH", "1700000000"), runner))
                .isEqualTo(new SourceDate(Instant.parse("2026-01-01T00:00:00Z"), "the request"));
        assertThat(SourceDate.resolve(request(directory).build(), Map.of("SOURCE_DATE_EPOCH", "1700000000"), runner))
                .isEqualTo(new SourceDate(Instant.ofEpochSecond(1_700_000_000L), "SOURCE_DATE_EPOCH"));
    }

    @Test
    void shouldRefuseASourceDateEpochThatIsNotWholeSeconds() {
        assertThatThrownBy(() -> SourceDate.resolve(
                        request(directory).build(), Map.of("SOURCE_DATE_EPOCH", "2026-01-01"), runner))
                .isInstanceOf(EcrImageException.class)
                .hasMessageStartingWith("SOURCE_DATE_EPOCH '2026-01-01' is invalid");
    }

    @Test
    void shouldTakeTheCommitTimeOfTheContextThenTheEpoch() throws Exception {
        Path context = Files.createDirectories(directory.resolve("repo/app"));
        Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n");
        assertThat(SourceDate.resolve(request(context).build(), Map.of(), runner)
                        .time())
                .as("no git checkout")
                .isEqualTo(Instant.EPOCH);

        git(directory.resolve("repo"), "init", "-q");
        git(directory.resolve("repo"), "add", ".");
        git(
                directory.resolve("repo"),
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "commit",
                "-q",
                "-m",
                "x");

        assertThat(SourceDate.resolve(request(context).build(), Map.of(), runner))
                .isEqualTo(new SourceDate(Instant.parse("2025-06-01T12:00:00Z"), "the git commit of " + context));
    }

    private void git(Path repository, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", repository.toString()));
        argv.addAll(List.of(args));
        Map<String, String> fixedDates =
                Map.of("GIT_AUTHOR_DATE", "2025-06-01T12:00:00Z", "GIT_COMMITTER_DATE", "2025-06-01T12:00:00Z");
        assertThat(runner.run(Command.of(argv).withEnvironment(fixedDates)).succeeded())
                .as(String.join(" ", argv))
                .isTrue();
    }

    private static BuildPushRequest.Builder request(Path context) {
        return BuildPushRequest.builder().repository("app").addTag("1").contextDirectory(context);
    }
}
