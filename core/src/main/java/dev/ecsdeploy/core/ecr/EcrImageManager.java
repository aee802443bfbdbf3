package dev.ecsdeploy.core.ecr;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.scan.ScanHandle;
import dev.ecsdeploy.core.ecr.scan.ScanPollResult;
import dev.ecsdeploy.core.ecr.scan.ScanRequest;
import dev.ecsdeploy.core.ecr.scan.ScanResult;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.internal.ecr.DefaultEcrImageManager;
import java.time.Clock;
import java.time.Duration;
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
 *     ScanResult scan = images.awaitScan(images.startScan(ScanRequest.of("web", pushed.digest())));
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

    /** Starts waiting for an image scan (starting a basic scan when none exists); returns a persistable handle. */
    ScanHandle startScan(ScanRequest request);

    /** One bounded round of reads: never sleeps. */
    ScanPollResult poll(ScanHandle handle);

    /** Polls until the scan wait ends, sleeping between rounds; events go to the progress listener. */
    ScanResult awaitScan(ScanHandle handle);

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

        /** Time source for token reuse, scan deadlines and labels; defaults to the system UTC clock. */
        Builder clock(Clock clock);

        /** Extra environment for every builder command, e.g. {@code DOCKER_HOST}. */
        Builder toolEnvironment(Map<String, String> environment);

        /** How {@link #awaitScan} waits between polls; defaults to {@link Thread#sleep}. */
        Builder sleeper(Sleeper sleeper);

        EcrImageManager build();
    }

    /** Waits for a duration; replaceable so blocking waits can be tested without real time passing. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }
}
