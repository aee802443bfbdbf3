package dev.ecsdeploy.core.ecr;

/** Which tool builds the image. {@link #AUTO} picks the first available in the order listed here. */
public enum BuilderKind {
    AUTO,
    DOCKER,
    PODMAN,
    BUILDAH,
    JIB;

    /** The lower-case name used in events and results, e.g. {@code podman}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
