package dev.ecsdeploy.core.ecr.scan;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything needed to resume waiting for a scan after a restart: the request, when the wait started, its deadline,
 * and the last status seen (so events are not repeated). Small and serializable; the plugin persists it.
 */
public record ScanHandle(ScanRequest request, Instant startedAt, Instant deadline, String lastStatus)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ScanHandle {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(deadline, "deadline");
    }

    public ScanHandle withLastStatus(String status) {
        return new ScanHandle(request, startedAt, deadline, status);
    }
}
