package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.history.HistoryEntry;
import dev.ecsdeploy.core.history.HistoryReconciler;
import dev.ecsdeploy.core.history.HistoryRecorder;
import dev.ecsdeploy.core.history.HistoryStore;
import dev.ecsdeploy.core.history.Origin;
import dev.ecsdeploy.core.operation.OperationStatus;
import dev.ecsdeploy.emulator.Emulator;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Everything one command invocation needs: the AWS connection built from the common options, the client factory,
 * the clock to poll by, where to print, and the history store. Credentials are resolved by the SDK and never
 * printed.
 */
final class CliSession implements AutoCloseable {
    private static final String SESSION_NAME = "ecsdeploy-cli";
    private static final java.util.Set<String> READ_WARNINGS =
            java.util.Set.of(EventKinds.HISTORY_SKIPPED_LINE, EventKinds.HISTORY_TORN_LINE);

    private final AwsOptions options;
    private final AwsClients clients;
    private final Optional<URI> endpoint;
    private final boolean emulator;
    private AwsConnection connection;
    private final TimeSource time;
    private final PrintWriter out;
    private final ProgressPrinter progress;

    private CliSession(AwsOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.clients = AwsClients.create(UrlConnectionHttpClient.builder());
        Optional<URI> given = options.endpointUrl == null ? Optional.empty() : Optional.of(options.endpoint());
        Optional<TimeSource> emulatorTime = given.flatMap(EmulatorTime::probe);
        this.time = emulatorTime.orElseGet(TimeSource::system);
        this.endpoint = given;
        this.emulator = emulatorTime.isPresent();
        this.progress = new ProgressPrinter(err, err == Main.STANDARD_ERROR && onTerminal());
    }

    static CliSession open(AwsOptions options, PrintWriter out, PrintWriter err) {
        return new CliSession(options, out, err);
    }

    AwsClients clients() {
        return clients;
    }

    /** The connection, resolved on first use so that commands without AWS calls need no region. */
    synchronized AwsConnection connection() {
        if (connection == null) {
            connection = connection(endpoint, emulator);
        }
        return connection;
    }

    TimeSource time() {
        return time;
    }

    PrintWriter out() {
        return out;
    }

    ProgressPrinter progress() {
        return progress;
    }

    boolean json() {
        return options.json;
    }

    /**
     * Records what this command did in the history store of {@code --history} (one store per directory); a
     * deployment takes its image's commit from the newest build of its digest there.
     */
    HistoryRecorder history() {
        HistoryStore store = HistoryStore.open(options.historyDirectory(), progress);
        return HistoryRecorder.builder()
                .store(store)
                .imageBuilds(HistoryRecorder.newestBuildIn(store))
                .clock(time)
                .region(connection().region().id())
                .origin(Origin.user(System.getProperty("user.name")))
                .progressListener(progress)
                .build();
    }

    /**
     * Ends the entries of {@code --history} that a killed process left IN_PROGRESS, from what AWS says happened
     * ({@code scope} picks the targets); the progress printer prints one line per reconciled entry. Asks AWS nothing
     * when no entry is IN_PROGRESS, and costs a warning, never the command, when it cannot be done.
     */
    void reconcileHistory(Function<HistoryReconciler, List<HistoryEntry>> scope) {
        try {
            // The command reads the store again and warns about damaged lines then; warning here too would repeat it.
            HistoryStore store = HistoryStore.open(options.historyDirectory(), event -> {
                if (!READ_WARNINGS.contains(event.kind())) {
                    progress.onEvent(event);
                }
            });
            if (store.history().entries().stream().noneMatch(e -> e.status() == OperationStatus.IN_PROGRESS)) {
                return;
            }
            scope.apply(HistoryReconciler.builder()
                    .store(store)
                    .ecs(clients.ecs(connection()))
                    .region(connection().region().id())
                    .clock(time)
                    .progressListener(progress)
                    .build());
        } catch (RuntimeException e) {
            progress.onEvent(ProgressEvent.warning(
                    time.instant(),
                    EventKinds.HISTORY_NOT_RECORDED,
                    "history not reconciled with AWS: " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        progress.finish();
        clients.close();
    }

    private AwsConnection connection(Optional<URI> endpoint, boolean emulator) {
        Region region = region(emulator);
        if (options.maxAttempts < 1) {
            throw CliFailure.badInput("invalid --max-attempts " + options.maxAttempts + ": at least 1", null);
        }
        AwsConnection base = AwsConnection.of(region, baseCredentials(emulator)).withMaxAttempts(options.maxAttempts);
        if (endpoint.isPresent()) {
            base = base.withEndpointOverride(endpoint.get());
        }
        if (options.roleArn == null) {
            return base;
        }
        AwsCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(clients.sts(base))
                .refreshRequest(r -> r.roleArn(options.roleArn).roleSessionName(SESSION_NAME))
                .build();
        return new AwsConnection(
                region,
                assumed,
                base.endpointOverride(),
                base.apiCallTimeout(),
                base.apiCallAttemptTimeout(),
                base.maxAttempts());
    }

    private Region region(boolean emulator) {
        if (options.region != null) {
            return Region.of(options.region);
        }
        try {
            return options.profile == null
                    ? new DefaultAwsRegionProviderChain().getRegion()
                    : DefaultAwsRegionProviderChain.builder()
                            .profileName(options.profile)
                            .build()
                            .getRegion();
        } catch (SdkClientException e) {
            if (emulator) {
                return Region.of(Emulator.DEFAULT_REGION);
            }
            throw CliFailure.badInput("no AWS region: none was configured", "pass --region, e.g. --region eu-west-1");
        }
    }

    /**
     * The profile's credentials, or the SDK's default chain. The emulator accepts any key, so against it the
     * emulator's static key stands in for the default chain: a machine without AWS credentials can run the demo,
     * and no time is lost probing the instance metadata service.
     */
    private AwsCredentialsProvider baseCredentials(boolean emulator) {
        if (options.profile != null) {
            return ProfileCredentialsProvider.create(options.profile);
        }
        return emulator
                ? emulatorCredentials()
                : DefaultCredentialsProvider.builder().build();
    }

    /**
     * Whether the process talks to a terminal. Up to JDK 21 that is {@code System.console() != null}; from JDK 22 a
     * console exists even when output is redirected, and {@code Console.isTerminal()} tells.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static AwsCredentialsProvider emulatorCredentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(Emulator.ACCESS_KEY_ID, Emulator.SECRET_ACCESS_KEY));
    }
}
