package dev.ecsdeploy.core.ecr.scan;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A finding id the gate ignores, optionally until an expiry date (inclusive, UTC). An expired entry no longer
 * applies and the verdict says so.
 */
public record AllowListEntry(String findingId, LocalDate expires, String reason) implements Serializable {
    private static final long serialVersionUID = 1L;

    public AllowListEntry {
        Objects.requireNonNull(findingId, "findingId");
    }

    public static AllowListEntry of(String findingId) {
        return new AllowListEntry(findingId, null, null);
    }

    public static AllowListEntry until(String findingId, LocalDate expires) {
        return new AllowListEntry(findingId, expires, null);
    }

    public boolean isActiveAt(Instant now) {
        return expires == null || !LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(expires);
    }
}
