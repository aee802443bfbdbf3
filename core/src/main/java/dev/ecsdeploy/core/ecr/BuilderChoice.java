package dev.ecsdeploy.core.ecr;

import java.util.List;
import java.util.Objects;

/**
 * Which builder a build uses, and why: the reason it was chosen and, for {@link BuilderKind#AUTO}, why each tool
 * before it was passed over. The same texts went out as progress events while the choice was made.
 *
 * @param kind the builder chosen, never {@link BuilderKind#AUTO}
 * @param reason why it was chosen, e.g. {@code podman: on PATH and answers (podman version 4.3.1)}
 * @param passedOver why each tool tried before it was not used, e.g. {@code docker: not on PATH}
 * @param jibImage for Jib, the image it builds (read from the Dockerfile when the request had none); else null
 */
public record BuilderChoice(BuilderKind kind, String reason, List<String> passedOver, JibImage jibImage) {
    public BuilderChoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        passedOver = List.copyOf(passedOver);
        if (kind == BuilderKind.AUTO) {
            throw new IllegalArgumentException("a choice names a builder, not AUTO");
        }
    }

    /** Returns the request to build with this choice: with the Jib image the choice read, where it read one. */
    public BuildPushRequest applyTo(BuildPushRequest request) {
        return jibImage == null || jibImage.equals(request.jibImage()) ? request : request.withJibImage(jibImage);
    }
}
