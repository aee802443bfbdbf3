package dev.ecsdeploy.emulator.ecr;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry passwords handed out by GetAuthorizationToken. A password is valid for 12 hours on the emulated clock;
 * the registry accepts HTTP Basic {@code AWS:<password>} while it is valid and nothing else.
 */
final class RegistryAuth {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    static final String USER = "AWS";

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    /** Issues a password valid until {@code expiresAt}; the caller supplies a unique, unguessable-enough id. */
    String issue(String uniqueId, Instant expiresAt) {
        String password = "ecr-emulator." + uniqueId + "." + Long.toHexString(uniqueId.hashCode() * 31L + 7);
        expiries.put(password, expiresAt);
        return password;
    }

    static String authorizationToken(String password) {
        return Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an {@code Authorization} header carries a known, unexpired password for user AWS. */
    boolean accepts(String authorizationHeader, Instant now) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorizationHeader.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(USER)) {
            return false;
        }
        Instant expiresAt = expiries.get(decoded.substring(colon + 1));
        return expiresAt != null && now.isBefore(expiresAt);
    }

    int issuedCount() {
        return expiries.size();
    }
}
