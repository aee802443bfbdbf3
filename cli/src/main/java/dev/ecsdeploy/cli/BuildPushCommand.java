package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuilderChoice;
import dev.ecsdeploy.core.ecr.BuilderKind;
import dev.ecsdeploy.core.ecr.BuilderPolicy;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.EcrNames;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;
import dev.ecsdeploy.core.ecr.scan.FindingSeverity;
import dev.ecsdeploy.core.ecr.scan.ScanGate;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.ecr.scan.ScanVerdict;
import dev.ecsdeploy.core.ecr.scan.ScanWait;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.StartedOperation;
import dev.ecsdeploy.core.input.Defaults;
import dev.ecsdeploy.core.input.DockerfileSyntax;
import dev.ecsdeploy.core.input.InputParser;
import dev.ecsdeploy.core.operation.DecisionPolicy;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.core.source.GitCommits;
import dev.ecsdeploy.core.source.SourceCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsdeploy build-push}: builds an image, pushes it to ECR, waits for its scan and applies the gate. */
@Command(
        name = "build-push",
        description = "Build an image, push it to ECR, scan it and gate on the findings.",
        sortOptions = false)
final class BuildPushCommand extends AwsCommand {
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
            defaultValue = Defaults.BUILDER,
            description = "auto, docker, podman, buildah or jib (default: ${DEFAULT-VALUE}; auto takes the Docker CLI"
                    + " when its daemon answers, then podman, then buildah, then Jib when the Dockerfile allows).")
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

    @Option(
            names = "--scan-timeout",
            defaultValue = Defaults.SCAN_TIMEOUT_TEXT,
            description = "How long to wait for the scan (default: ${DEFAULT-VALUE}).")
    String scanTimeout;

    @Option(
            names = "--insecure-registry",
            description = "Allow plain HTTP to a registry that is not on this machine (loopback, such as the"
                    + " emulator, is always allowed).")
    boolean insecureRegistry;

    @Option(names = "--build-arg", paramLabel = "NAME=VALUE", description = "Build argument (repeatable).")
    Map<String, String> buildArgs = new LinkedHashMap<>();

    @Option(names = "--label", paramLabel = "NAME=VALUE", description = "Image label (repeatable).")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(
            names = "--revision",
            description = "The commit the image is built from, for its org.opencontainers.image.revision label and"
                    + " the history (default: git's HEAD when the context is in a git work tree).")
    String revision;

    @Option(names = "--dry-run", description = "Show what would be built and pushed; change nothing.")
    boolean dryRun;

    @Override
    void validate() {
        EcrNames.requireRepositoryName(repository);
        EcrNames.requireTags(tags.isEmpty() ? List.of("latest") : tags);
        if (!Files.isDirectory(context)) {
            throw CliFailure.badInput(
                    "build context not found: " + context + " is not a directory", "pass --context DIR");
        }
        if (!Files.isRegularFile(dockerfile())) {
            throw CliFailure.badInput(
                    "Dockerfile not found: " + dockerfile(), "pass --dockerfile FILE or add a Dockerfile");
        }
        Inputs.requireOr(DockerfileSyntax.check(dockerfile()), "fix the Dockerfile, then build again");
        gate();
        builderKind();
        Inputs.require(InputParser.waitDuration(scanTimeout), "--scan-timeout");
    }

    @Override
    int run(CliSession session) {
        requirePlainHttpAllowed();
        SourceCommit commit = sourceCommit();
        BuildPushRequest request = request(commit);
        if (dryRun) {
            BuilderChoice choice = BuilderPolicy.create(new LocalCommandRunner(), Map.of(), session.time())
                    .choose(request, session.progress());
            return printDryRun(session, request, choice);
        }
        HistoryRecorder history = session.history();
        StartedOperation started = history.buildStarted(request, commit);
        Path privateRoot = new LocalCommandRunner().createPrivateDirectory("ecs-deploy-run-");
        LocalCommandRunner runner = new LocalCommandRunner(privateRoot);
        PushResult pushed;
        ScanResult scan;
        try (EcrImageManager images = ImageManagers.create(session, runner)) {
            Interrupts.runningLocally("the build and push of " + repository);
            Interrupts.onLeave(() -> runner.deleteRecursively(privateRoot));
            pushed = images.buildAndPush(request);
            scan = noScan ? null : scan(session, images, pushed);
        } catch (RuntimeException e) {
            Thread.interrupted(); // a signal interrupted the build; the history store must still be written
            Optional<String> signal = Interrupts.received();
            history.ended(
                    started,
                    signal.isPresent() ? OperationStatus.ABORTED : OperationStatus.FAILED,
                    signal.map(BuildPushCommand::abortReason).orElse(e.getMessage()));
            throw signal.isPresent() ? aborted(signal.get()) : e;
        } finally {
            Interrupts.finished();
            runner.deleteRecursively(privateRoot);
        }
        Optional<String> signal = Interrupts.received();
        if (signal.isPresent()) {
            history.ended(started, OperationStatus.ABORTED, abortReason(signal.get()) + " after the push");
            throw aborted(signal.get());
        }
        history.buildFinished(started, pushed, scan, noScan ? null : gate());
        return ImageOutput.print(session, pushed, scan);
    }

    private ScanResult scan(CliSession session, EcrImageManager images, PushResult pushed) {
        ScanWait scans = images.scanWait();
        ScanRequest scanRequest = scanRequest(pushed);
        return Interrupts.await(
                scans,
                scans.start(scanRequest, session.progress()),
                session.progress(),
                DecisionPolicy.NONE,
                session.time());
    }

    private static String abortReason(String signal) {
        return "aborted by " + signal + "; the builder was stopped and this run's login and build directories deleted";
    }

    private CliFailure aborted(String signal) {
        return CliFailure.operationFailed(
                "build-push of " + repository + " " + abortReason(signal),
                "run it again; a tag moves only when a push completes");
    }

    /**
     * The commit the image is built from: {@code --revision} (with its time when the context's git knows it), else
     * git's HEAD when the context is in a work tree; null without either.
     */
    private SourceCommit sourceCommit() {
        GitCommits git = new GitCommits(new LocalCommandRunner());
        Path directory = context.toAbsolutePath();
        return revision == null || revision.isBlank() ? git.head(directory).orElse(null) : git.of(directory, revision);
    }

    /** The request as given, built from {@code commit} (or null): the builder is core's choice ({@link BuilderPolicy}), Dockerfile reading included. */
    BuildPushRequest request(SourceCommit commit) {
        BuildPushRequest.Builder request = BuildPushRequest.builder()
                .revision(commit == null ? null : commit.revision())
                .repository(RepositorySpec.builder()
                        .name(repository)
                        .createIfMissing(createRepository)
                        .build())
                .tags(tags.isEmpty() ? List.of("latest") : tags)
                .builderKind(builderKind())
                .contextDirectory(context.toAbsolutePath())
                .dockerfile(dockerfile());
        labels.forEach(request::putLabel);
        buildArgs.forEach(request::putBuildArg);
        return request.build();
    }

    private ScanRequest scanRequest(PushResult pushed) {
        return ScanRequest.of(repository, pushed.digest())
                .withGate(gate())
                .withTimeout(InputParser.waitDuration(scanTimeout).value(), ScanVerdict.FAIL);
    }

    private ScanGate gate() {
        Map<FindingSeverity, Integer> thresholds = new EnumMap<>(FindingSeverity.class);
        failOn.forEach((severity, limit) -> {
            if (limit < 0) {
                throw CliFailure.badInput(
                        "invalid --fail-on " + severity + "=" + limit + ": the most findings allowed is 0 or more",
                        "use --fail-on " + severity + "=0");
            }
            thresholds.put(severity(severity), limit);
        });
        return ScanGate.of(thresholds, List.of());
    }

    private static FindingSeverity severity(String text) {
        return Inputs.require(InputParser.severity(text), "--fail-on");
    }

    private BuilderKind builderKind() {
        return Inputs.require(InputParser.builderKind(builder), "--builder");
    }

    /** The Dockerfile as an absolute path: given relative to the working directory, else to the context. */
    private Path dockerfile() {
        if (dockerfile == null) {
            return context.resolve("Dockerfile").toAbsolutePath();
        }
        Path file = dockerfile.isAbsolute() || Files.exists(dockerfile) ? dockerfile : context.resolve(dockerfile);
        return file.toAbsolutePath();
    }

    private void requirePlainHttpAllowed() {
        if (aws.endpointUrl == null) {
            return;
        }
        Inputs.requireOr(
                InputParser.plainHttpAllowed(aws.endpoint(), insecureRegistry),
                "use https, or pass --insecure-registry if you mean it");
    }

    private int printDryRun(CliSession session, BuildPushRequest request, BuilderChoice choice) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", true);
        json.put("repository", repository);
        json.put("tags", request.tags());
        json.put("builder", choice.kind().id());
        json.put("builderReason", choice.reason());
        json.put("buildersPassedOver", choice.passedOver());
        json.put("context", context.toString());
        json.put("createRepository", createRepository);
        json.put("revision", request.revision());
        json.put("failOn", failOn);
        if (session.json()) {
            JsonOutput.print(session.out(), json);
        } else {
            session.out()
                    .println("Dry run: would build " + context + " with "
                            + choice.kind().id()
                            + ", push " + repository + ":" + String.join(",", request.tags())
                            + (noScan ? "" : ", wait for the scan and apply the gate " + failOn)
                            + "; nothing was changed.");
            session.out().flush();
        }
        return ExitCode.SUCCESS;
    }
}
