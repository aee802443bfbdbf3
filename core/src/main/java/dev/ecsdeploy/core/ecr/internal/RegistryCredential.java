package dev.ecsdeploy.core.ecr.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A registry password from GetAuthorizationToken. It is only ever handed to a tool's standard input, to Jib in
 * memory, or to an HTTP Authorization header; {@link #toString()} hides it.
 */
public final class RegistryCredential {
    private final String username;
    private final String password;
    private final URI proxyEndpoint;
    private final Instant expiresAt;

    RegistryCredential(String username, String password, URI proxyEndpoint, Instant expiresAt) {
        this.username = username;
        this.password = password;
        this.proxyEndpoint = proxyEndpoint;
        this.expiresAt = expiresAt;
    }

    /** Decodes ECR's token, base64 of {@code AWS:<password>}. */
    static RegistryCredential fromToken(String token, String proxyEndpoint, Instant expiresAt) {
        String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return new RegistryCredential(
                decoded.substring(0, colon), decoded.substring(colon + 1), URI.create(proxyEndpoint), expiresAt);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the registry speaks plain HTTP: ECR never does; a local registry such as the emulator's may. */
    public boolean plainHttp() {
        return "http".equalsIgnoreCase(proxyEndpoint.getScheme());
    }

    /** The value of an HTTP Basic Authorization header. */
    String basicAuthorization() {
        return "Basic " + encodedUserAndPassword();
    }

    /** Base64 of {@code username:password}: the Basic credential, also what Docker's config.json stores. */
    String encodedUserAndPassword() {
        return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredential[username=" + username + ", password=****, proxyEndpoint=" + proxyEndpoint
                + ", expiresAt=" + expiresAt + "]";
    }
}
