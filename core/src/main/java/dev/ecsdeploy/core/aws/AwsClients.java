package dev.ecsdeploy.core.aws;

import dev.ecsdeploy.core.EcsDeployVersion;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place that builds AWS SDK clients. Every client gets the same explicit configuration: the standard retry
 * strategy with throttling-aware back-off, call and attempt timeouts, and the user-agent suffix
 * {@code ecs-deploy/<version>}. Clients are cached per (service, region, credentials, endpoint) and closed with this
 * object.
 */
public final class AwsClients implements AutoCloseable {
    /** Base and cap of the back-off between retries of transient errors (5xx, dropped connections). */
    static final Duration BASE_DELAY = Duration.ofMillis(100);

    static final Duration MAX_DELAY = Duration.ofSeconds(20);
    /** Throttling waits longer than other errors: the bucket refills at about one token per second. */
    static final Duration THROTTLING_BASE_DELAY = Duration.ofMillis(500);

    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timeoutScheduler;
    private volatile boolean closed;

    /** Clients that each bring their own timeout threads, as the SDK does by default. */
    public AwsClients() {
        this(null);
    }

    /**
     * Clients whose call and attempt timeouts all run on {@code timeoutScheduler}, which the caller owns and closes.
     * Without it the SDK starts a timeout pool per client, so a process that follows many deployments with different
     * credentials (a Jenkins controller) would grow its thread count with every deployment.
     */
    public AwsClients(ScheduledExecutorService timeoutScheduler) {
        this.timeoutScheduler = timeoutScheduler;
    }

    public EcsClient ecs(AwsConnection connection) {
        return client(
                "ecs",
                connection,
                () -> configure(EcsClient.builder(), connection).build());
    }

    public EcrClient ecr(AwsConnection connection) {
        return client(
                "ecr",
                connection,
                () -> configure(EcrClient.builder(), connection).build());
    }

    public CloudWatchLogsClient logs(AwsConnection connection) {
        return client(
                "logs",
                connection,
                () -> configure(CloudWatchLogsClient.builder(), connection).build());
    }

    public StsClient sts(AwsConnection connection) {
        return client(
                "sts",
                connection,
                () -> configure(StsClient.builder(), connection).build());
    }

    /** How many distinct clients are open; a cache hit does not add one. */
    public int openClients() {
        return clients.size();
    }

    /** The user agent suffix sent with every call, {@code ecs-deploy/<version>}. */
    public static String userAgentSuffix() {
        return "ecs-deploy/" + EcsDeployVersion.current();
    }

    /** The retry strategy every client uses; exposed so tests and docs can show its settings. */
    public static StandardRetryStrategy retryStrategy(int maxAttempts) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLING_BASE_DELAY, MAX_DELAY))
                .build();
    }

    @Override
    public void close() {
        closed = true;
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }

    @SuppressWarnings("unchecked")
    private <T extends SdkClient> T client(String service, AwsConnection connection, Supplier<T> factory) {
        if (closed) {
            throw new IllegalStateException("AWS clients were closed: create a new AwsClients");
        }
        ClientKey key = new ClientKey(service, connection);
        return (T) clients.computeIfAbsent(key, ignored -> factory.get());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, AwsConnection connection) {
        builder.region(connection.region())
                .credentialsProvider(connection.credentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(connection.apiCallAttemptTimeout()))
                .overrideConfiguration(overrides(connection));
        connection.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    private ClientOverrideConfiguration overrides(AwsConnection connection) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
        if (timeoutScheduler != null) {
            overrides.scheduledExecutorService(timeoutScheduler);
        }
        return overrides
                .retryStrategy(retryStrategy(connection.maxAttempts()))
                .apiCallTimeout(connection.apiCallTimeout())
                .apiCallAttemptTimeout(connection.apiCallAttemptTimeout())
                .putAdvancedOption(SdkAdvancedClientOption.USER_AGENT_SUFFIX, userAgentSuffix())
                .build();
    }

    /**
     * Clients are shared when everything that shapes them is equal; the credentials provider is compared by
     * identity, because two providers with the same class may hold different secrets.
     */
    private record ClientKey(String service, AwsConnection connection) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ClientKey that
                    && service.equals(that.service)
                    && connection.region().equals(that.connection.region())
                    && connection.credentials() == that.connection.credentials()
                    && connection.endpointOverride().equals(that.connection.endpointOverride())
                    && connection.apiCallTimeout().equals(that.connection.apiCallTimeout())
                    && connection.apiCallAttemptTimeout().equals(that.connection.apiCallAttemptTimeout())
                    && connection.maxAttempts() == that.connection.maxAttempts();
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(
                    service,
                    connection.region(),
                    System.identityHashCode(connection.credentials()),
                    connection.endpointOverride());
        }
    }
}
