package dev.ecsdeploy.core.ecr;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An image in ECR after a push, an archive push or a promotion.
 *
 * @param registry the registry host
 * @param repositoryUri registry host plus repository name
 * @param tags every tag this run asked for, all pointing at {@link #digest()}
 * @param digest the manifest digest, {@code sha256:…}, as ECR reports it
 * @param manifestMediaType the manifest's media type
 * @param sizeInBytes the image size ECR reports
 * @param pushedAt when ECR received the image
 * @param builder which builder produced it ({@code podman}, {@code jib}, {@code archive}, {@code promote} …)
 * @param changed {@code false} when every tag already pointed at this digest before the run: nothing was uploaded
 * @param notReproducibleReason {@code null} when the builder pins the creation and file times to the source date, so
 *     the same inputs give the same digest; otherwise why they may not (the run also emits an event saying so)
 */
public record PushResult(
        String registry,
        String repositoryUri,
        List<String> tags,
        String digest,
        String manifestMediaType,
        long sizeInBytes,
        Instant pushedAt,
        String builder,
        boolean changed,
        String notReproducibleReason)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public PushResult {
        tags = List.copyOf(tags);
    }

    /** A result from a step that builds nothing (archive push, promotion): the digest is the input's own. */
    public PushResult(
            String registry,
            String repositoryUri,
            List<String> tags,
            String digest,
            String manifestMediaType,
            long sizeInBytes,
            Instant pushedAt,
            String builder,
            boolean changed) {
        this(registry, repositoryUri, tags, digest, manifestMediaType, sizeInBytes, pushedAt, builder, changed, null);
    }

    /** Whether the same inputs give the same digest with the builder that made this image. */
    public boolean reproducible() {
        return notReproducibleReason == null;
    }

    /** The image pinned by digest, {@code repositoryUri@sha256:…}: what a task definition should reference. */
    public String imageUri() {
        return repositoryUri + "@" + digest;
    }
}
