package dev.ecsdeploy.core.source;

import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the commit a build context is at with git, through the {@link CommandRunner} of the build machine (a local
 * process for the CLI, the agent for Jenkins). Knowing the commit is a nicety, never a reason to fail a build: no
 * git, a directory outside a work tree or an unknown revision all give an empty answer.
 */
public final class GitCommits {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final CommandRunner runner;

    public GitCommits(CommandRunner runner) {
        this.runner = runner;
    }

    /** The commit checked out in the work tree that holds {@code directory}, with its time; empty outside one. */
    public Optional<SourceCommit> head(Path directory) {
        return git(directory, "rev-parse", "--verify", "HEAD").stream()
                .filter(line -> OBJECT_ID.matcher(line).matches())
                .findFirst()
                .map(sha -> of(directory, sha));
    }

    /**
     * The given revision with its commit time read from the work tree that holds {@code directory}; the time is null
     * when git does not know the revision there (a shallow clone, another repository).
     */
    public SourceCommit of(Path directory, String revision) {
        return new SourceCommit(revision, committedAt(directory, revision).orElse(null));
    }

    /** When {@code revision} was committed (its committer date), as the work tree at {@code directory} knows it. */
    public Optional<Instant> committedAt(Path directory, String revision) {
        if (revision == null || revision.isBlank() || revision.startsWith("-")) {
            return Optional.empty(); // never an option in git's argument list
        }
        return git(directory, "show", "-s", "--format=%cI", revision + "^{commit}").stream()
                .map(GitCommits::instant)
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The output lines of a git command that succeeded (standard error is interleaved, so callers pick); else none. */
    private List<String> git(Path directory, String... arguments) {
        if (directory == null || !runner.isAvailable("git")) {
            return List.of();
        }
        var argv = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        argv.addAll(List.of(arguments));
        try {
            CommandResult result = runner.run(Command.of(argv)
                    .withWorkDirectory(directory)
                    .withEnvironment(java.util.Map.of("GIT_TERMINAL_PROMPT", "0"))
                    .withTimeout(TIMEOUT));
            return result.succeeded()
                    ? result.outputLines().stream().map(String::strip).toList()
                    : List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
