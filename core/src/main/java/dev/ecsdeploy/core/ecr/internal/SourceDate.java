package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The one time an image carries as its creation time, its {@code org.opencontainers.image.created} label and its
 * file times. Never "now": an unchanged source must rebuild to the same digest. In order: the request's {@code
 * created}, then {@code SOURCE_DATE_EPOCH} (the reproducible-builds convention, from the tool environment or this
 * process), then the commit time of the context's git checkout, then the Unix epoch.
 *
 * @param time the creation time, whole seconds
 * @param source where it came from, as events show it
 */
record SourceDate(Instant time, String source) {
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

    /** Resolves the time for {@code request}; {@code environment} is the tool environment, then this process's. */
    static SourceDate resolve(BuildPushRequest request, Map<String, String> environment, CommandRunner runner) {
        if (request.created() != null) {
            return new SourceDate(wholeSeconds(request.created()), "the request");
        }
        String epoch = environment.getOrDefault(SOURCE_DATE_EPOCH, System.getenv(SOURCE_DATE_EPOCH));
        if (epoch != null && !epoch.isBlank()) {
            return new SourceDate(parseEpoch(epoch.trim()), SOURCE_DATE_EPOCH);
        }
        Instant commit = commitTime(request.contextDirectory(), runner);
        if (commit != null) {
            return new SourceDate(commit, "the git commit of " + request.contextDirectory());
        }
        return new SourceDate(Instant.EPOCH, "the Unix epoch (no created time, SOURCE_DATE_EPOCH or git checkout)");
    }

    long epochSecond() {
        return time.getEpochSecond();
    }

    private static Instant parseEpoch(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new EcrImageException(
                    "SOURCE_DATE_EPOCH '" + value + "' is invalid: give whole seconds since 1970-01-01T00:00:00Z", e);
        }
    }

    /** The committer time of HEAD when the context is inside a git work tree, else {@code null}. */
    private static Instant commitTime(Path context, CommandRunner runner) {
        if (context == null || !runner.isAvailable("git")) {
            return null;
        }
        CommandResult result = runner.run(
                Command.of(List.of("git", "-C", context.toString(), "log", "-1", "--format=%ct", "--", ".")));
        if (!result.succeeded() || result.outputLines().isEmpty()) {
            return null;
        }
        String seconds =
                result.outputLines().get(result.outputLines().size() - 1).trim();
        return seconds.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(seconds)) : null;
    }

    private static Instant wholeSeconds(Instant instant) {
        return Instant.ofEpochSecond(instant.getEpochSecond());
    }
}
