package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.EcrNames;
import dev.ecsdeploy.core.ecr.PromoteRequest;
import dev.ecsdeploy.core.ecr.PushResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsdeploy promote}: adds tags to an image already in ECR, without pulling or pushing layers. */
@Command(name = "promote", description = "Tag an image already in ECR (e.g. as prod) without pulling or pushing it.")
final class PromoteCommand extends AwsCommand {
    @Option(names = "--repository", required = true, description = "ECR repository name.")
    String repository;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "TAG|DIGEST",
            description = "Existing tag or sha256 digest.")
    String from;

    @Option(names = "--tag", required = true, description = "Tag to add (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--dry-run", description = "Show what would be tagged; change nothing.")
    boolean dryRun;

    @Override
    void validate() {
        EcrNames.requireRepositoryName(repository);
        EcrNames.requireTags(tags);
        boolean digest = from.startsWith("sha256:");
        if (digest && !EcrNames.isDigest(from)) {
            throw CliFailure.badInput(
                    "invalid --from " + from + ": a digest is sha256: and 64 lower-case hex digits",
                    "use --from with a tag such as 1.0.0, or a whole digest");
        }
        if (!digest) {
            EcrNames.requireTag(from);
        }
    }

    @Override
    int run(CliSession session) {
        if (dryRun) {
            return printDryRun(session);
        }
        try (EcrImageManager images = ImageManagers.create(session)) {
            java.time.Instant startedAt = session.time().instant();
            PushResult promoted = images.promote(PromoteRequest.of(repository, from, tags));
            session.history().buildFinished(startedAt, promoted, null, null);
            return ImageOutput.print(session, promoted, null);
        }
    }

    private int printDryRun(CliSession session) {
        if (session.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("dryRun", true);
            json.put("repository", repository);
            json.put("from", from);
            json.put("tags", tags);
            JsonOutput.print(session.out(), json);
        } else {
            session.out()
                    .println("Dry run: would tag " + repository + ":" + from + " as " + String.join(", ", tags)
                            + "; nothing was changed.");
            session.out().flush();
        }
        return ExitCode.SUCCESS;
    }
}
