package dev.ecsdeploy.core.ecr;

import java.util.List;
import java.util.Objects;

/**
 * Adds tags to an image already in ECR (found by tag or by {@code sha256:} digest) with BatchGetImage and PutImage:
 * no pull, no push, no layer traffic.
 *
 * @param repository the repository holding the image
 * @param source an existing tag or digest
 * @param tags the tags to add
 */
public record PromoteRequest(RepositorySpec repository, String source, List<String> tags) {
    public PromoteRequest {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
    }

    public static PromoteRequest of(String repository, String source, List<String> tags) {
        return new PromoteRequest(RepositorySpec.named(repository), source, tags);
    }
}
