package dev.ecsdeploy.core.ecr;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Pushes an image archive produced elsewhere (docker-archive from {@code docker save} or {@code podman save}, or an
 * OCI archive from Jib, Kaniko, Bazel, {@code podman save --format oci-archive}) without a daemon.
 *
 * @param repository the target repository
 * @param archive the tar file, read by this JVM
 * @param tags the tags to point at the image
 */
public record ArchivePushRequest(RepositorySpec repository, Path archive, List<String> tags) {
    public ArchivePushRequest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(archive, "archive");
        tags = List.copyOf(tags);
    }

    public static ArchivePushRequest of(String repository, Path archive, List<String> tags) {
        return new ArchivePushRequest(RepositorySpec.named(repository), archive, tags);
    }
}
