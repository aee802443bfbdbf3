package io.jenkins.plugins.ecsdeploy.credentials;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Credentials an agent's default chain resolved, carried back to the controller over the agent channel. It lives in
 * memory only: executions keep it in transient fields, and {@link #toString()} never shows the secret.
 */
public final class SessionCredentialsSnapshot implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;
    private final Instant expiration;

    public SessionCredentialsSnapshot(
            String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.sessionToken = sessionToken;
        this.expiration = expiration;
    }

    /** Takes what a credentials provider resolved. */
    public static SessionCredentialsSnapshot of(AwsCredentials credentials) {
        String token = credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null;
        return new SessionCredentialsSnapshot(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                token,
                credentials.expirationTime().orElse(null));
    }

    public AwsCredentials toAwsCredentials() {
        if (sessionToken == null) {
            return AwsBasicCredentials.create(accessKeyId, secretAccessKey);
        }
        return AwsSessionCredentials.builder()
                .accessKeyId(accessKeyId)
                .secretAccessKey(secretAccessKey)
                .sessionToken(sessionToken)
                .expirationTime(expiration)
                .build();
    }

    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    /** Whether these credentials expire before {@code now + margin}; credentials without an expiry never do. */
    public boolean expiresWithin(Duration margin, Instant now) {
        return expiration != null && !now.plus(margin).isBefore(expiration);
    }

    @Override
    public String toString() {
        return "SessionCredentialsSnapshot[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
