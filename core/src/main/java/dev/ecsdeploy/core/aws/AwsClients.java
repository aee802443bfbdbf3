package dev.ecsdeploy.core.aws;

import dev.ecsdeploy.core.EcsDeployVersion;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The one place that builds AWS SDK clients. Every client gets the same explicit configuration: the standard retry
 * strategy with throttling-aware back-off, call and attempt timeouts, and the user-agent suffix
 * {@code ecs-deploy/<version>}. Clients are cached per (service, region, credentials, endpoint) and closed with this
 * object.
 *
 * <p>The HTTP client comes from the caller, because core bundles none: inside Jenkins the plugin passes the one the
 * aws-java-sdk2 plugins ship ({@code apache-client}); the CLI passes {@code url-connection-client}. Connect and read
 * timeouts are handed to it as defaults, so settings the caller made on its builder win.
 */
public final class AwsClients implements AutoCloseable {
    /** Base and cap of the back-off between retries of transient errors (5xx, dropped connections). */
    static final Duration BASE_DELAY = Duration.ofMillis(100);

    static final Duration MAX_DELAY = Duration.ofSeconds(20);
    /** Throttling waits longer than other errors: the bucket refills at about one token per second. */
    static final Duration THROTTLING_BASE_DELAY = Duration.ofMillis(500);
    /** How long to wait for a TCP connection before the attempt counts as failed (and is retried). */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();
    private final SdkHttpClient.Builder<?> httpClient;
    private final ScheduledExecutorService timeoutScheduler;
    private volatile boolean closed;

    private AwsClients(SdkHttpClient.Builder<?> httpClient, ScheduledExecutorService timeoutScheduler) {
        this.httpClient = httpClient;
        this.timeoutScheduler = timeoutScheduler;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Clients that all use HTTP clients built by {@code httpClient}, one per AWS client. */
    public static AwsClients create(SdkHttpClient.Builder<?> httpClient) {
        return builder().httpClientBuilder(httpClient).build();
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

    public CodeDeployClient codeDeploy(AwsConnection connection) {
        return client(
                "codedeploy",
                connection,
                () -> configure(CodeDeployClient.builder(), connection).build());
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
                .httpClientBuilder(new TimeoutDefaults(httpClient, connection.apiCallAttemptTimeout()))
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
                .addExecutionInterceptor(new OperationContext.Marker())
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
            return Objects.hash(
                    service,
                    connection.region(),
                    System.identityHashCode(connection.credentials()),
                    connection.endpointOverride());
        }
    }

    /** Chooses the HTTP client; everything else about the AWS clients is fixed by {@link AwsClients}. */
    public static final class Builder {
        private SdkHttpClient.Builder<?> httpClient;
        private ScheduledExecutorService timeoutScheduler;

        private Builder() {}

        /**
         * The HTTP client to build every AWS client with, for example {@code ApacheHttpClient.builder()} or
         * {@code UrlConnectionHttpClient.builder()}. Required.
         */
        /**
         * Runs every client's call and attempt timeouts on {@code timeoutScheduler}, which the caller owns and closes.
         * Without it the SDK starts a timeout pool per client, so a process that follows many deployments with
         * different credentials (a Jenkins controller) would grow its thread count with every deployment.
         */
        public Builder timeoutScheduler(ScheduledExecutorService timeoutScheduler) {
            this.timeoutScheduler = Objects.requireNonNull(timeoutScheduler, "timeoutScheduler");
            return this;
        }

        public Builder httpClientBuilder(SdkHttpClient.Builder<?> httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        public AwsClients build() {
            if (httpClient == null) {
                throw new IllegalStateException("AwsClients needs an HTTP client: core bundles none, so pass the"
                        + " SDK HTTP client builder of the caller's choice to httpClientBuilder(...)");
            }
            return new AwsClients(httpClient, timeoutScheduler);
        }
    }

    /**
     * Hands the caller's HTTP client builder our connect and read timeouts as defaults: they override the SDK's
     * service defaults, and anything the caller set on its builder overrides them.
     */
    private static final class TimeoutDefaults implements SdkHttpClient.Builder<TimeoutDefaults> {
        private final SdkHttpClient.Builder<?> delegate;
        private final Duration readTimeout;

        TimeoutDefaults(SdkHttpClient.Builder<?> delegate, Duration readTimeout) {
            this.delegate = delegate;
            this.readTimeout = readTimeout;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            AttributeMap timeouts = AttributeMap.builder()
                    .put(SdkHttpConfigurationOption.CONNECTION_TIMEOUT, CONNECTION_TIMEOUT)
                    .put(SdkHttpConfigurationOption.READ_TIMEOUT, readTimeout)
                    .build();
            return delegate.buildWithDefaults(timeouts.merge(serviceDefaults));
        }
    }
}
