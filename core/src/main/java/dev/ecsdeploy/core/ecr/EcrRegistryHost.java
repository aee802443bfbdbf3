package dev.ecsdeploy.core.ecr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account and region that a private ECR registry host names:
 * {@code <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]}. Registries reached through an endpoint override (the
 * emulator, LocalStack) have other hosts; callers learn those from what ECR returns, never from this pattern.
 *
 * @param accountId the registry id, a 12-digit account
 * @param region the region the registry lives in
 */
public record EcrRegistryHost(String accountId, String region) {
    private static final Pattern HOST =
            Pattern.compile("(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    /** Returns the account and region of {@code host}, or empty when it is not an ECR registry host. */
    public static Optional<EcrRegistryHost> parse(String host) {
        if (host == null) {
            return Optional.empty();
        }
        Matcher matcher = HOST.matcher(host);
        return matcher.matches()
                ? Optional.of(new EcrRegistryHost(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }
}
