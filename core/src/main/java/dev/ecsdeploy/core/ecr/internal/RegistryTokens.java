package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.GetAuthorizationTokenResponse;

/**
 * Calls GetAuthorizationToken at most once per registry for the life of a run and reuses the token until 30
 * minutes before it expires (aws-behaviour §13.1: tokens last 12 hours, the call is throttled at 20 TPS).
 */
final class RegistryTokens {
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(30);

    private final EcrClient ecr;
    private final Clock clock;
    private final ProgressListener listener;
    private final Map<String, RegistryCredential> byRegistry = new HashMap<>();

    RegistryTokens(EcrClient ecr, Clock clock, ProgressListener listener) {
        this.ecr = ecr;
        this.clock = clock;
        this.listener = listener;
    }

    synchronized RegistryCredential credentialFor(String registryHost) {
        RegistryCredential cached = byRegistry.get(registryHost);
        if (cached != null && clock.instant().isBefore(cached.expiresAt().minus(REFRESH_MARGIN))) {
            return cached;
        }
        RegistryCredential fresh = request(registryHost);
        byRegistry.put(registryHost, fresh);
        return fresh;
    }

    private RegistryCredential request(String registryHost) {
        GetAuthorizationTokenResponse response;
        try {
            response = ecr.getAuthorizationToken(b -> {});
        } catch (SdkException e) {
            throw new EcrImageException(
                    "could not log in to " + registryHost + ": GetAuthorizationToken failed: " + e.getMessage(), e);
        }
        AuthorizationData data = response.authorizationData().get(0);
        listener.onEvent(ProgressEvent.info(
                        clock.instant(),
                        EventKinds.ECR_AUTH,
                        "got a registry token for " + registryHost + " (expires " + data.expiresAt() + ")")
                .withAttribute("registry", registryHost));
        return RegistryCredential.fromToken(data.authorizationToken(), data.proxyEndpoint(), data.expiresAt());
    }
}
