package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.ArchivePushRequest;
import dev.ecsdeploy.core.ecr.BuildPushRequest;
import dev.ecsdeploy.core.ecr.BuildSecret;
import dev.ecsdeploy.core.ecr.BuilderChoice;
import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.EcrNames;
import dev.ecsdeploy.core.ecr.PromoteRequest;
import dev.ecsdeploy.core.ecr.PushResult;
import dev.ecsdeploy.core.ecr.RepositoryReport;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.scan.ScanWait;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.input.DockerfileSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageAlreadyExistsException;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/** The {@link EcrImageManager} behind {@link EcrImageManager#builder()}. */
public final class DefaultEcrImageManager implements EcrImageManager {
    private final EcrClient ecr;
    private final CommandRunner runner;
    private final ProgressListener listener;
    private final Clock clock;
    private final RegistryTokens tokens;
    private final ToolAuth auth;
    private final RepositoryManager repositories;
    private final ImageLookup images;
    private final BuilderSelector builders;
    private final ArchivePusher archives;
    private final ScanWatcher scans;
    private final Map<String, String> toolEnvironment;

    private DefaultEcrImageManager(BuilderImpl builder) {
        this.ecr = builder.clients.ecr(Objects.requireNonNull(builder.connection, "connection"));
        this.runner = builder.runner;
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.tokens = new RegistryTokens(ecr, clock, listener);
        this.auth = new ToolAuth(runner, builder.toolEnvironment);
        this.repositories = new RepositoryManager(ecr, clock, listener);
        this.images = new ImageLookup(ecr);
        this.builders = new BuilderSelector(runner, builder.toolEnvironment, clock);
        this.archives = new ArchivePusher(ecr, images, clock, listener);
        this.scans = new ScanWatcher(ecr, clock);
        this.toolEnvironment = Map.copyOf(builder.toolEnvironment);
    }

    public static EcrImageManager.Builder builder() {
        return new BuilderImpl();
    }

    @Override
    public RepositoryReport ensureRepository(RepositorySpec repository) {
        return repositories.ensure(repository);
    }

    @Override
    public PushResult buildAndPush(BuildPushRequest request) {
        EcrNames.requireRepositoryName(request.repository().name());
        EcrNames.requireTags(request.tags());
        requireDockerfileSyntax(request);
        BuilderChoice choice = builders.choose(request, listener);
        return buildAndPush(choice.applyTo(request), builders.builder(choice));
    }

    private PushResult buildAndPush(BuildPushRequest request, ImageBuilder builder) {
        validateInputs(request, builder);
        emit(EventKinds.ECR_BUILD, "building " + request.repository().name() + " with " + builder.name());
        RepositoryReport repository = repositories.ensure(request.repository());
        RegistryCredential credential = tokens.credentialFor(repository.registry());
        Map<String, String> existing = images.digestsOf(request.repository(), request.tags());
        Path workDirectory = runner.createPrivateDirectory("ecs-deploy-build-");
        try {
            BuildContext context = context(request, repository, credential, workDirectory);
            String notReproducible = reportReproducibility(builder, context);
            String digest = builder.canBuildToArchive(request)
                    ? pushThroughArchive(
                            builder.buildToArchive(context),
                            request.repository(),
                            repository,
                            credential,
                            request.tags(),
                            existing)
                    : builder.buildAndPush(context);
            return confirm(
                    request.repository(),
                    repository,
                    request.tags(),
                    digest,
                    builder.name(),
                    existing,
                    notReproducible);
        } finally {
            runner.deleteRecursively(workDirectory);
        }
    }

    private void validateInputs(BuildPushRequest request, ImageBuilder builder) {
        if (!(builder instanceof JibBuilder)) {
            requireDirectory(request.contextDirectory());
            Path dockerfile = request.effectiveDockerfile();
            if (!runner.isRegularFile(dockerfile)) {
                throw new EcrImageException("Dockerfile " + dockerfile + " not found: give the Dockerfile path, or"
                        + " put a Dockerfile in the context directory");
            }
            for (BuildSecret secret : request.secrets()) {
                if (secret.source() == BuildSecret.Source.FILE && !runner.isRegularFile(Path.of(secret.reference()))) {
                    throw new EcrImageException("build secret " + secret.id() + " not found: file " + secret.reference()
                            + " does not exist");
                }
            }
        }
        builder.validate(request);
    }

    /** A Dockerfile typo is bad input with every builder, found before the repository is touched. */
    private void requireDockerfileSyntax(BuildPushRequest request) {
        Path dockerfile = request.effectiveDockerfile();
        if (dockerfile != null && runner.isRegularFile(dockerfile)) {
            DockerfileSyntax.check(dockerfile, runner.readString(dockerfile))
                    .problem()
                    .ifPresent(problem -> {
                        throw new EcrImageException(problem.message());
                    });
        }
    }

    private void requireDirectory(Path context) {
        if (context == null || !runner.isDirectory(context)) {
            throw new EcrImageException("build context " + context + " not found: give an existing directory");
        }
    }

    /** Says which source date the image carries, or why this builder cannot make it reproducible. */
    private String reportReproducibility(ImageBuilder builder, BuildContext context) {
        String reason = builder.notReproducibleReason(context);
        if (reason == null) {
            listener.onEvent(ProgressEvent.info(
                            clock.instant(),
                            EventKinds.ECR_BUILD_REPRODUCIBLE,
                            "image created at " + context.created().time() + " (from "
                                    + context.created().source() + "): the same inputs give the same digest")
                    .withAttribute(
                            "sourceDateEpoch", Long.toString(context.created().epochSecond())));
        } else {
            listener.onEvent(new ProgressEvent(
                    clock.instant(),
                    ProgressEvent.Severity.WARNING,
                    EventKinds.ECR_BUILD_NOT_REPRODUCIBLE,
                    builder.name() + " cannot build reproducibly here: " + reason,
                    Map.of("reason", reason)));
        }
        return reason;
    }

    private BuildContext context(
            BuildPushRequest request, RepositoryReport repository, RegistryCredential credential, Path workDirectory) {
        List<String> references = request.tags().stream()
                .map(tag -> repository.repositoryUri() + ":" + tag)
                .toList();
        SourceDate created = SourceDate.resolve(request, toolEnvironment, runner);
        Map<String, String> ownLabels = new java.util.LinkedHashMap<>();
        if (request.jibImage() != null) {
            ownLabels.putAll(request.jibImage().labels());
        }
        ownLabels.putAll(request.labels());
        return new BuildContext(
                request,
                references,
                repository.registry(),
                credential,
                OciLabels.of(request, ownLabels, created.time()),
                created,
                auth,
                workDirectory,
                line -> listener.onEvent(new ProgressEvent(
                        clock.instant(), ProgressEvent.Severity.DEBUG, EventKinds.ECR_BUILD_OUTPUT, line, Map.of())));
    }

    /**
     * Pushes a built archive, knowing its digest before anything moves: nothing when every tag already points at
     * it, only PutImage for missing tags when ECR already holds it, else the blobs the registry lacks and the
     * manifest.
     */
    private String pushThroughArchive(
            Path archive,
            RepositorySpec spec,
            RepositoryReport repository,
            RegistryCredential credential,
            List<String> tags,
            Map<String, String> existing) {
        Path local = localTemporaryDirectory();
        try (InputStream in = runner.open(archive)) {
            ImageArchive image =
                    ImageArchive.read(in, local, archive.getFileName().toString());
            return archives.push(image, spec, repository, credential, tags, existing);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + archive + ": " + e.getMessage(), e);
        } finally {
            deleteLocal(local);
        }
    }

    @Override
    public PushResult pushArchive(ArchivePushRequest request) {
        EcrNames.requireRepositoryName(request.repository().name());
        EcrNames.requireTags(request.tags());
        if (!Files.isRegularFile(request.archive())) {
            throw new EcrImageException("image archive " + request.archive() + " not found: give an existing tar file");
        }
        RepositoryReport repository = repositories.ensure(request.repository());
        RegistryCredential credential = tokens.credentialFor(repository.registry());
        Map<String, String> existing = images.digestsOf(request.repository(), request.tags());
        Path local = localTemporaryDirectory();
        try (InputStream in = Files.newInputStream(request.archive())) {
            ImageArchive image =
                    ImageArchive.read(in, local, request.archive().getFileName().toString());
            String digest =
                    archives.push(image, request.repository(), repository, credential, request.tags(), existing);
            return confirm(request.repository(), repository, request.tags(), digest, "archive", existing);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + request.archive() + ": " + e.getMessage(), e);
        } finally {
            deleteLocal(local);
        }
    }

    @Override
    public PushResult promote(PromoteRequest request) {
        EcrNames.requireRepositoryName(request.repository().name());
        EcrNames.requireTags(request.tags());
        RepositoryReport repository = repositories.ensure(request.repository());
        Image source = images.manifestOf(request.repository(), request.source());
        String digest = source.imageId().imageDigest();
        Map<String, String> existing = images.digestsOf(request.repository(), request.tags());
        ArchivePusher.requireNoConflict(repository, request.tags(), existing, digest);
        List<String> added = new ArrayList<>();
        for (String tag : request.tags()) {
            if (!digest.equals(existing.get(tag))) {
                putTag(request.repository(), source, tag);
                added.add(tag);
            }
        }
        emit(
                EventKinds.ECR_PROMOTE,
                added.isEmpty()
                        ? "promotion of " + request.source() + " unchanged: every tag already points at " + digest
                        : "tagged " + repository.repositoryUri() + "@" + digest + " as " + String.join(", ", added));
        return confirm(request.repository(), repository, request.tags(), digest, "promote", existing);
    }

    private void putTag(RepositorySpec repository, Image source, String tag) {
        try {
            ecr.putImage(r -> r.registryId(repository.registryId())
                    .repositoryName(repository.name())
                    .imageManifest(source.imageManifest())
                    .imageManifestMediaType(source.imageManifestMediaType())
                    .imageDigest(source.imageId().imageDigest())
                    .imageTag(tag));
        } catch (ImageAlreadyExistsException e) {
            // The tag already points at this manifest: promotion is idempotent.
        }
    }

    private PushResult confirm(
            RepositorySpec spec,
            RepositoryReport repository,
            List<String> tags,
            String digest,
            String builder,
            Map<String, String> existing) {
        return confirm(spec, repository, tags, digest, builder, existing, null);
    }

    private PushResult confirm(
            RepositorySpec spec,
            RepositoryReport repository,
            List<String> tags,
            String digest,
            String builder,
            Map<String, String> existing,
            String notReproducibleReason) {
        ImageDetail detail = images.describe(spec, digest);
        List<String> missing =
                tags.stream().filter(tag -> !detail.imageTags().contains(tag)).toList();
        if (!missing.isEmpty()) {
            throw new EcrImageException("push of " + repository.repositoryUri() + " not confirmed: DescribeImages"
                    + " shows " + digest + " without tag(s) " + missing);
        }
        boolean changed = !tags.stream().allMatch(tag -> digest.equals(existing.get(tag)));
        PushResult result = new PushResult(
                repository.registry(),
                repository.repositoryUri(),
                tags,
                detail.imageDigest(),
                detail.imageManifestMediaType(),
                detail.imageSizeInBytes() == null ? 0 : detail.imageSizeInBytes(),
                detail.imagePushedAt(),
                builder,
                changed,
                notReproducibleReason);
        emit(
                EventKinds.ECR_PUSH,
                (changed ? "pushed " : "unchanged: ") + result.imageUri() + " (" + String.join(", ", tags) + ")");
        return result;
    }

    @Override
    public ScanWait scanWait() {
        return scans;
    }

    private Path localTemporaryDirectory() {
        if (runner instanceof dev.ecsdeploy.core.ecr.build.LocalCommandRunner local) {
            // Under the runner's private root, so that whoever owns the run (the CLI on a signal) deletes it too.
            return local.createPrivateDirectory("ecs-deploy-archive-");
        }
        try {
            return Files.createTempDirectory("ecs-deploy-archive-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory: " + e.getMessage(), e);
        }
    }

    private static void deleteLocal(Path directory) {
        new dev.ecsdeploy.core.ecr.build.LocalCommandRunner().deleteRecursively(directory);
    }

    private void emit(String kind, String message) {
        listener.onEvent(ProgressEvent.info(clock.instant(), kind, message));
    }

    @Override
    public void close() {
        auth.close();
    }

    private static final class BuilderImpl implements EcrImageManager.Builder {
        private AwsClients clients;
        private AwsConnection connection;
        private CommandRunner runner = new dev.ecsdeploy.core.ecr.build.LocalCommandRunner();
        private ProgressListener listener = ProgressListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> toolEnvironment = Map.of();

        @Override
        public EcrImageManager.Builder clients(AwsClients value) {
            this.clients = value;
            return this;
        }

        @Override
        public EcrImageManager.Builder connection(AwsConnection value) {
            this.connection = value;
            return this;
        }

        @Override
        public EcrImageManager.Builder commandRunner(CommandRunner value) {
            this.runner = value;
            return this;
        }

        @Override
        public EcrImageManager.Builder progressListener(ProgressListener value) {
            this.listener = value;
            return this;
        }

        @Override
        public EcrImageManager.Builder clock(InstantSource value) {
            this.clock = value.withZone(ZoneOffset.UTC);
            return this;
        }

        @Override
        public EcrImageManager.Builder toolEnvironment(Map<String, String> value) {
            this.toolEnvironment = Map.copyOf(value);
            return this;
        }

        @Override
        public EcrImageManager build() {
            Objects.requireNonNull(clients, "clients: pass the AwsClients factory");
            return new DefaultEcrImageManager(this);
        }
    }
}
