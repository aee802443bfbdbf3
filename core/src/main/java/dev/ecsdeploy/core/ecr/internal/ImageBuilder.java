package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.BuildPushRequest;
import java.nio.file.Path;

/** One way of turning a request into an image in the registry. */
interface ImageBuilder {
    /** The builder's id as results and events show it, e.g. {@code podman}. */
    String name();

    boolean isAvailable();

    /** Rejects requests this builder cannot honour (before anything runs), with "{what}: {why}". */
    void validate(BuildPushRequest request);

    /**
     * Why this builder cannot give the same digest for the same inputs, or {@code null} when it can: it then fixes
     * the image's creation time and file times to {@link BuildContext#created()}.
     */
    default String notReproducibleReason(BuildContext context) {
        return null;
    }

    /**
     * Whether {@link #buildToArchive} works for this request. When it does, the engine builds to an archive, knows
     * the digest before anything is uploaded, and pushes only what the registry lacks.
     */
    default boolean canBuildToArchive(BuildPushRequest request) {
        return true;
    }

    /** Builds the image, pushes it under every reference, and returns the manifest digest the push reported. */
    String buildAndPush(BuildContext context);

    /**
     * Builds the image and writes it as an archive (OCI or docker-archive) at a path inside the context's work
     * directory, without pushing; used where the digest must be known before any tag moves.
     */
    Path buildToArchive(BuildContext context);
}
