package dev.ecsdeploy.core.ecr.scan;

import dev.ecsdeploy.core.event.ProgressEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One round of {@code poll}: the handle to persist for the next round, the new events, when to poll next, and the
 * result once the wait is over.
 */
public record ScanPollResult(ScanHandle handle, List<ProgressEvent> events, Instant nextPollAt, ScanResult result) {
    public ScanPollResult {
        events = List.copyOf(events);
    }

    public boolean done() {
        return result != null;
    }

    public Optional<ScanResult> outcome() {
        return Optional.ofNullable(result);
    }
}
