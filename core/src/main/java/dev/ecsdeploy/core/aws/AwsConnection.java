package dev.ecsdeploy.core.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom to call AWS: a region, a credentials provider, and optionally an endpoint override (LocalStack,
 * the ecs-deploy emulator, a VPC endpoint). The timeouts bound every call so that a hung connection can never hang
 * a build.
 */
public record AwsConnection(
        Region region,
        AwsCredentialsProvider credentials,
        Optional<URI> endpointOverride,
        Duration apiCallTimeout,
        Duration apiCallAttemptTimeout,
        int maxAttempts) {
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = dev.ecsdeploy.core.input.Defaults.MAX_ATTEMPTS;

    public AwsConnection {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        endpointOverride = endpointOverride == null ? Optional.empty() : endpointOverride;
        Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        Objects.requireNonNull(apiCallAttemptTimeout, "apiCallAttemptTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    public static AwsConnection of(Region region, AwsCredentialsProvider credentials) {
        return new AwsConnection(
                region,
                credentials,
                Optional.empty(),
                DEFAULT_API_CALL_TIMEOUT,
                DEFAULT_ATTEMPT_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS);
    }

    public AwsConnection withEndpointOverride(URI endpoint) {
        return new AwsConnection(
                region, credentials, Optional.of(endpoint), apiCallTimeout, apiCallAttemptTimeout, maxAttempts);
    }

    public AwsConnection withRegion(Region newRegion) {
        return new AwsConnection(
                newRegion, credentials, endpointOverride, apiCallTimeout, apiCallAttemptTimeout, maxAttempts);
    }

    public AwsConnection withTimeouts(Duration callTimeout, Duration attemptTimeout) {
        return new AwsConnection(region, credentials, endpointOverride, callTimeout, attemptTimeout, maxAttempts);
    }

    public AwsConnection withMaxAttempts(int attempts) {
        return new AwsConnection(
                region, credentials, endpointOverride, apiCallTimeout, apiCallAttemptTimeout, attempts);
    }
}
