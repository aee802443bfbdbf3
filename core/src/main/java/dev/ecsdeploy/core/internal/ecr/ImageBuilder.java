package dev.ecsdeploy.core.internal.ecr;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import java.nio.file.Path;

/** One way of turning a request into an image in the registry. */
interface ImageBuilder {
    /** The builder's id as results and events show it, e.g. {@code podman}. */
    String name();

    boolean isAvailable();

    /** Rejects requests this builder cannot honour (before anything runs), with "{what}: {why}". */
    void validate(BuildPushRequest request);

    /** Builds the image, pushes it under every reference, and returns the manifest digest the push reported. */
    String buildAndPush(BuildContext context);

    /**
     * Builds the image and writes it as an archive (OCI or docker-archive) at a path inside the context's work
     * directory, without pushing; used where the digest must be known before any tag moves.
     */
    Path buildToArchive(BuildContext context);
}
