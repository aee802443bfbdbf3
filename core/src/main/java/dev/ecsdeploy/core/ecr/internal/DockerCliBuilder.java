package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.build.Command;
import dev.ecsdeploy.core.ecr.build.CommandResult;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Docker CLI, against whatever daemon its environment names ({@code DOCKER_HOST}: Docker Engine, or podman's
 * Docker-compatible service). With buildx it builds through BuildKit: several platforms (pushed directly, digest
 * from {@code --metadata-file}), cache export and secrets. Without buildx the legacy builder supports neither, so
 * such requests are rejected before anything runs. Registry credentials come from this run's private {@code
 * DOCKER_CONFIG} (see {@link ToolAuth#authorizeDocker}); there is no {@code docker login}.
 */
final class DockerCliBuilder extends CliImageBuilder {
    private static final Pattern PUSH_DIGEST = Pattern.compile("digest: (sha256:[a-f0-9]{64})");
    private static final Pattern METADATA_DIGEST =
            Pattern.compile("\"containerimage\\.digest\"\\s*:\\s*\"(sha256:[a-f0-9]{64})\"");

    private final Map<String, String> toolEnvironment;
    private Boolean buildx;

    DockerCliBuilder(CommandRunner runner, Map<String, String> toolEnvironment) {
        super(runner, "docker");
        this.toolEnvironment = toolEnvironment;
    }

    @Override
    public String name() {
        return hasBuildx() ? "docker-buildx" : "docker";
    }

    /** Whether {@code docker buildx version} works. */
    boolean hasBuildx() {
        if (buildx == null) {
            buildx = runner.isAvailable(program)
                    && runner.run(Command.of(List.of(program, "buildx", "version"))
                                    .withEnvironment(toolEnvironment))
                            .succeeded();
        }
        return buildx;
    }

    @Override
    public void validate(BuildPushRequest request) {
        if (hasBuildx()) {
            return;
        }
        List<String> needsBuildKit = new ArrayList<>();
        if (request.platforms().size() > 1) {
            needsBuildKit.add("several platforms " + request.platforms());
        }
        if (!request.cacheTo().isEmpty()) {
            needsBuildKit.add("cache export (--cache-to)");
        }
        if (!request.secrets().isEmpty()) {
            needsBuildKit.add("build secrets");
        }
        if (!needsBuildKit.isEmpty()) {
            throw new EcrImageException("cannot build with the Docker CLI: " + String.join(", ", needsBuildKit)
                    + " need BuildKit, and docker buildx is not installed (install the buildx plugin, or use podman"
                    + " or buildah)");
        }
    }

    @Override
    protected List<String> buildCommand(BuildContext context) {
        if (!hasBuildx()) {
            return List.of(program, "build");
        }
        boolean multiPlatform = context.request().platforms().size() > 1;
        // BuildKit reads SOURCE_DATE_EPOCH as a build argument; rewrite-timestamp also clamps the file times in the
        // layers to it (BuildKit 0.13+). "type=docker" is what --load means.
        List<String> argv = new ArrayList<>(List.of(
                program,
                "buildx",
                "build",
                "--output",
                (multiPlatform ? "type=image,push=true" : "type=docker") + ",rewrite-timestamp=true"));
        if (multiPlatform) {
            argv.addAll(List.of("--metadata-file", metadataFile(context).toString()));
        }
        return argv;
    }

    @Override
    protected List<String> reproducibilityArgs(BuildContext context) {
        if (!hasBuildx()) {
            return List.of();
        }
        return List.of(
                "--build-arg",
                SourceDate.SOURCE_DATE_EPOCH + "=" + context.created().epochSecond());
    }

    /**
     * The legacy builder (no buildx) has no option for the creation time or file times: the daemon stamps both
     * with the build time, so only its layer cache makes a rebuild come out the same.
     */
    @Override
    public String notReproducibleReason(BuildContext context) {
        return hasBuildx()
                ? null
                : "the Docker CLI without buildx uses the daemon's legacy builder, which stamps the build time into"
                        + " the image and its files (install the buildx plugin, or use podman or buildah)";
    }

    @Override
    public boolean canBuildToArchive(BuildPushRequest request) {
        return request.platforms().size() <= 1;
    }

    private static Path metadataFile(BuildContext context) {
        return context.workDirectory().resolve("metadata.json");
    }

    @Override
    public String buildAndPush(BuildContext context) {
        boolean pushesWhileBuilding =
                hasBuildx() && context.request().platforms().size() > 1;
        // Before the build, so a base image in the same registry can be pulled and buildx --push can push.
        context.auth().authorizeDocker(context.registry(), context.credential());
        build(context);
        if (pushesWhileBuilding) {
            return digestIn(runner.readString(metadataFile(context)), METADATA_DIGEST, "buildx metadata");
        }
        String digest = null;
        for (String reference : context.references()) {
            CommandResult pushed =
                    run(context, List.of(program, "push", reference), "push of " + reference + " failed");
            digest = digestIn(String.join("\n", pushed.outputLines()), PUSH_DIGEST, "docker push output");
        }
        return digest;
    }

    private String digestIn(String text, Pattern pattern, String source) {
        Matcher matcher = pattern.matcher(text);
        String digest = null;
        while (matcher.find()) {
            digest = matcher.group(1);
        }
        if (digest == null) {
            throw new EcrImageException("push finished without a digest: none found in the " + source);
        }
        return digest;
    }

    @Override
    public Path buildToArchive(BuildContext context) {
        if (context.request().platforms().size() > 1) {
            throw new EcrImageException("cannot export a multi-platform image for an immutable repository: push"
                    + " with new tags, or build one platform at a time");
        }
        context.auth().authorizeDocker(context.registry(), context.credential());
        build(context);
        Path archive = context.workDirectory().resolve("image.docker.tar");
        run(
                context,
                List.of(program, "save", "--output", archive.toString(), context.firstReference()),
                "export of " + context.firstReference() + " failed");
        return archive;
    }
}
