package dev.ecsdeploy.core.ecr;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.internal.DefaultEcrImageManager;
import dev.ecsdeploy.core.ecr.scan.ScanWait;
import dev.ecsdeploy.core.event.ProgressListener;
import java.time.InstantSource;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds images, pushes them to ECR, promotes them by retagging and gates them on scan results. One instance is one
 * run: it asks ECR for a registry token at most once per registry, keeps tool logins in a private directory, and
 * deletes that directory on {@link #close()}.
 *
 * <pre>{@code
 * try (EcrImageManager images = EcrImageManager.builder()
 *         .clients(clients).connection(connection).commandRunner(new LocalCommandRunner())
 *         .progressListener(listener).build()) {
 *     PushResult pushed = images.buildAndPush(r -> r.repository("web").addTag("1.4.2")
 *             .contextDirectory(Path.of(".")).builderKind(BuilderKind.AUTO));
 *     ScanResult scan = images.scanWait().run(ScanRequest.of("web", pushed.digest()), listener, p -> null, Sleeper.REAL);
 * }
 * }</pre>
 */
public interface EcrImageManager extends AutoCloseable {
    static Builder builder() {
        return DefaultEcrImageManager.builder();
    }

    /** Checks (and, if asked, creates or updates) a repository; drift is reported, changed only when asked. */
    RepositoryReport ensureRepository(RepositorySpec repository);

    /** Builds an image with the requested builder and pushes it under every tag. */
    PushResult buildAndPush(BuildPushRequest request);

    default PushResult buildAndPush(Consumer<BuildPushRequest.Builder> request) {
        BuildPushRequest.Builder builder = BuildPushRequest.builder();
        request.accept(builder);
        return buildAndPush(builder.build());
    }

    /** Pushes a docker-archive or OCI archive tar without a daemon. */
    PushResult pushArchive(ArchivePushRequest request);

    /** Adds tags to an image already in ECR (BatchGetImage + PutImage; no pull, no push). */
    PushResult promote(PromoteRequest request);

    /**
     * The scan wait of this manager's registry: start (a basic scan when none exists), poll, abort and await, on a
     * persistable {@link dev.ecsdeploy.core.ecr.scan.ScanHandle}. Its events go to the listener given to each call,
     * not to {@link Builder#progressListener}.
     */
    ScanWait scanWait();

    /** Deletes this run's private login directory. */
    @Override
    void close();

    /** Configures an {@link EcrImageManager}. */
    interface Builder {
        /** The client factory; ECR clients come from here. */
        Builder clients(AwsClients clients);

        /** Region, credentials and endpoint for ECR. */
        Builder connection(AwsConnection connection);

        /** Runs builder commands (local processes for the CLI, a build agent for Jenkins). */
        Builder commandRunner(CommandRunner runner);

        Builder progressListener(ProgressListener listener);

        /** Time source for token reuse, scan deadlines and labels; defaults to the system clock. */
        Builder clock(InstantSource clock);

        /** Extra environment for every builder command, e.g. {@code DOCKER_HOST}. */
        Builder toolEnvironment(Map<String, String> environment);

        EcrImageManager build();
    }
}
