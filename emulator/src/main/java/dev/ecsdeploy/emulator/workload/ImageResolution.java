package dev.ecsdeploy.emulator.workload;

import java.util.Optional;

/**
 * What ECS learns when it "pulls" an image reference: the image exists in the emulator's registry (with its digest
 * and behaviour), it names this registry but does not exist (the task fails with CannotPullContainerError), or it
 * names another registry, which the emulator cannot see and treats as a healthy default image.
 */
public sealed interface ImageResolution {
    record Found(String repositoryName, String digest, Workload workload) implements ImageResolution {}

    record Missing(String reason) implements ImageResolution {}

    record Foreign(Workload workload) implements ImageResolution {}

    default Optional<String> pinnedDigest() {
        return this instanceof Found found ? Optional.of(found.digest()) : Optional.empty();
    }
}
