package dev.ecsdeploy.core.source;

import java.time.Instant;
import java.util.Objects;

/**
 * The commit an image is built from: its revision (the image's {@code org.opencontainers.image.revision} label) and,
 * when known, when it was committed, which starts the lead time of every deployment of that image.
 *
 * @param revision the commit id, such as a git SHA
 * @param committedAt the commit's committer date, or null when unknown
 */
public record SourceCommit(String revision, Instant committedAt) {
    public SourceCommit {
        Objects.requireNonNull(revision, "revision");
        if (revision.isBlank()) {
            throw new IllegalArgumentException("a source commit needs a revision");
        }
    }
}
