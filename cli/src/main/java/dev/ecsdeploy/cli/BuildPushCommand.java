package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.ecr.scan.ScanGate;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsdeploy build-push}: builds an image, pushes it to ECR, waits for its scan and applies the gate. */
@Command(
        name = "build-push",
        description = "Build an image, push it to ECR, scan it and gate on the findings.",
        sortOptions = false)
final class BuildPushCommand extends AwsCommand {
    private static final List<String> CONTAINER_TOOLS = List.of("docker", "podman", "buildah");

    @Option(names = "--repository", required = true, description = "ECR repository name, e.g. team/web.")
    String repository;

    @Option(names = "--context", required = true, description = "Build context directory.")
    Path context;

    @Option(names = "--dockerfile", description = "Dockerfile (default: Dockerfile in the context).")
    Path dockerfile;

    @Option(names = "--tag", description = "Tag to push (repeatable; default: latest).")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--builder",
            defaultValue = "auto",
            description = "auto, docker, podman, buildah or jib (default: ${DEFAULT-VALUE}; auto falls back to Jib"
                    + " when no container tool is installed).")
    String builder;

    @Option(names = "--create-repository", description = "Create the repository when it does not exist.")
    boolean createRepository;

    @Option(
            names = "--fail-on",
            split = ",",
            paramLabel = "SEVERITY=MAX",
            description = "Scan gate: the most findings allowed per severity, e.g. CRITICAL=0,HIGH=5.")
    Map<String, Integer> failOn = new LinkedHashMap<>();

    @Option(names = "--no-scan", description = "Do not wait for the scan (and apply no gate).")
    boolean noScan;

    @Option(names = "--scan-timeout", defaultValue = "10m", description = "How long to wait for the scan.")
    Duration scanTimeout;

    @Option(
            names = "--insecure-registry",
            description = "Allow plain HTTP to a registry that is not on this machine (loopback, such as the"
                    + " emulator, is always allowed).")
    boolean insecureRegistry;

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Build argument (repeatable).")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = "--label", paramLabel = "NAME=VALUE", description = "Image label (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "Show what would be built and pushed; change nothing.")
    boolean dryRun;

    @Override
    void validate() {
        if (!Files.isDirectory(context)) {
            throw CliFailure.badInput(
                    "build context not found: " + context + " is not a directory", "pass --context DIR");
        }
        if (!Files.isRegularFile(dockerfile())) {
            throw CliFailure.badInput(
                    "Dockerfile not found: " + dockerfile(), "pass --dockerfile FILE or add a Dockerfile");
        }
        gate();
        builderKind();
    }

    @Override
    int run(CliSession session) {
        requirePlainHttpAllowed(session);
        BuildPushRequest request = request();
        if (dryRun) {
            return printDryRun(session, request);
        }
        java.time.Instant startedAt = session.time().instant();
        try (EcrImageManager images = ImageManagers.create(session)) {
            PushResult pushed = images.buildAndPush(request);
            ScanResult scan = noScan
                    ? null
                    : images.scanWait()
                            .run(scanRequest(pushed), session.progress(), DecisionPolicy.NONE, session.time()::sleep);
            session.history().build(pushed, scan, policy(), startedAt);
            return ImageOutput.print(session, pushed, scan);
        }
    }

    BuildPushRequest request() {
        BuilderKind kind = builderKind();
        BuildPushRequest.Builder request = BuildPushRequest.builder()
                .repository(RepositorySpec.builder()
                        .name(repository)
                        .createIfMissing(createRepository)
                        .build())
                .tags(tags.isEmpty() ? List.of("latest") : tags)
                .builderKind(kind);
        labels.forEach(request::putLabel);
        if (kind == BuilderKind.JIB) {
            return request.jibImage(DockerfileJib.read(dockerfile(), context.toAbsolutePath()))
                    .build();
        }
        buildArgs.forEach(request::putBuildArg);
        return request.contextDirectory(context.toAbsolutePath())
                .dockerfile(dockerfile())
                .build();
    }

    private ScanRequest scanRequest(PushResult pushed) {
        return ScanRequest.of(repository, pushed.digest()).withGate(gate()).withTimeout(scanTimeout, ScanVerdict.FAIL);
    }

    private String policy() {
        return failOn.entrySet().stream()
                .map(e -> e.getKey().toUpperCase(Locale.ROOT) + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(","));
    }

    private ScanGate gate() {
        Map<FindingSeverity, Integer> thresholds = new EnumMap<>(FindingSeverity.class);
        failOn.forEach((severity, limit) -> thresholds.put(severity(severity), limit));
        return ScanGate.of(thresholds, List.of());
    }

    private static FindingSeverity severity(String text) {
        try {
            return FindingSeverity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(
                    "invalid --fail-on severity " + text + ": use CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL,"
                            + " UNDEFINED or UNTRIAGED",
                    "e.g. --fail-on CRITICAL=0,HIGH=5");
        }
    }

    /** {@code auto} means Jib when none of the container tools is installed, else the engine's own choice. */
    private BuilderKind builderKind() {
        BuilderKind kind;
        try {
            kind = BuilderKind.valueOf(builder.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CliFailure.badInput(
                    "unknown builder " + builder + ": use auto, docker, podman, buildah or jib", "use --builder auto");
        }
        return kind == BuilderKind.AUTO && CONTAINER_TOOLS.stream().noneMatch(BuildPushCommand::onPath)
                ? BuilderKind.JIB
                : kind;
    }

    /** The Dockerfile as an absolute path: given relative to the working directory, else to the context. */
    private Path dockerfile() {
        if (dockerfile == null) {
            return context.resolve("Dockerfile").toAbsolutePath();
        }
        Path file = dockerfile.isAbsolute() || Files.exists(dockerfile) ? dockerfile : context.resolve(dockerfile);
        return file.toAbsolutePath();
    }

    private void requirePlainHttpAllowed(CliSession session) {
        if (aws.endpointUrl == null || insecureRegistry) {
            return;
        }
        java.net.URI endpoint = aws.endpoint();
        String host = endpoint.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if ("http".equalsIgnoreCase(endpoint.getScheme()) && !loopback) {
            throw CliFailure.badInput(
                    "plain HTTP refused: " + endpoint + " is not on this machine, and the image and the registry"
                            + " credentials would cross the network unencrypted",
                    "use https, or pass --insecure-registry if you mean it");
        }
    }

    private int printDryRun(CliSession session, BuildPushRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", true);
        json.put("repository", repository);
        json.put("tags", request.tags());
        json.put("builder", request.builderKind().id());
        json.put("context", context.toString());
        json.put("createRepository", createRepository);
        json.put("failOn", failOn);
        if (session.json()) {
            JsonOutput.print(session.out(), json);
        } else {
            session.out()
                    .println("Dry run: would build " + context + " with "
                            + request.builderKind().id()
                            + ", push " + repository + ":" + String.join(",", request.tags())
                            + (noScan ? "" : ", wait for the scan and apply the gate " + failOn)
                            + "; nothing was changed.");
            session.out().flush();
        }
        return ExitCode.SUCCESS;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return false;
    }
}
