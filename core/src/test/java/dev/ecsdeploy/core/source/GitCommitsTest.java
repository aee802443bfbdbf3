package dev.ecsdeploy.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the commit of a real git work tree, and gives nothing, without failing, where git knows none. */
class GitCommitsTest {
    private static final String COMMITTED = "2026-11-30T09:15:00+01:00";

    @TempDir
    Path directory;

    private final GitCommits git = new GitCommits(new LocalCommandRunner());

    @Test
    void shouldReadTheHeadRevisionAndItsCommitTimeFromASubdirectoryOfAWorkTree() throws Exception {
        String sha = commitIn(directory);
        Path context = Files.createDirectories(directory.resolve("app"));

        SourceCommit head = git.head(context).orElseThrow();

        assertThat(head.revision()).isEqualTo(sha).hasSize(40);
        assertThat(head.committedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
    }

    @Test
    void shouldReadTheCommitTimeOfAGivenRevisionAndNoneForAnUnknownOne() throws Exception {
        String sha = commitIn(directory);

        assertThat(git.of(directory, sha).committedAt()).isEqualTo(Instant.parse("2026-11-30T08:15:00Z"));
        assertThat(git.of(directory, "0123456789abcdef0123456789abcdef01234567").committedAt())
                .isNull();
        assertThat(git.committedAt(directory, "--output=/tmp/x")).isEmpty();
    }

    @Test
    void shouldGiveNothingOutsideAWorkTree() {
        assertThat(git.head(directory)).isEmpty();
        assertThat(git.committedAt(directory, "HEAD")).isEmpty();
    }

    /** Makes a repository with one commit dated {@link #COMMITTED} and returns its SHA. */
    private static String commitIn(Path repository) throws IOException, InterruptedException {
        run(repository, "git", "init", "-q");
        Files.writeString(repository.resolve("README"), "hello\n");
        run(repository, "git", "add", "README");
        run(
                repository,
                "git",
                "-c",
                "user.name=Test",
                "-c",
                "user.email=test@example.com",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                "first");
        return run(repository, "git", "rev-parse", "HEAD").strip();
    }

    private static String run(Path directory, String... argv) throws IOException, InterruptedException {
        var builder =
                new ProcessBuilder(List.of(argv)).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_COMMITTER_DATE", COMMITTED);
        builder.environment().put("GIT_AUTHOR_DATE", COMMITTED);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", argv) + ": " + output)
                .isZero();
        return output;
    }
}
