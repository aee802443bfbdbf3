package dev.ecsdeploy.core.ecr.internal;

import dev.ecsdeploy.core.ecr.EcrImageException;
import dev.ecsdeploy.core.ecr.RepositorySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;

/** Reads which digests tags point at, and the details of one image. */
final class ImageLookup {
    private final EcrClient ecr;

    ImageLookup(EcrClient ecr) {
        this.ecr = ecr;
    }

    /** The digest each existing tag points at; tags that do not exist are absent from the map. */
    Map<String, String> digestsOf(RepositorySpec repository, List<String> tags) {
        Map<String, String> digests = new LinkedHashMap<>();
        List<ImageIdentifier> ids = tags.stream()
                .map(tag -> ImageIdentifier.builder().imageTag(tag).build())
                .toList();
        BatchGetImageResponse response = ecr.batchGetImage(r -> r.registryId(repository.registryId())
                .repositoryName(repository.name())
                .imageIds(ids));
        for (Image image : response.images()) {
            digests.put(image.imageId().imageTag(), image.imageId().imageDigest());
        }
        return digests;
    }

    /** The image with a tag or digest, including its manifest, or an error naming what is missing. */
    Image manifestOf(RepositorySpec repository, String tagOrDigest) {
        ImageIdentifier id = dev.ecsdeploy.core.ecr.EcrNames.isDigest(tagOrDigest)
                ? ImageIdentifier.builder().imageDigest(tagOrDigest).build()
                : ImageIdentifier.builder().imageTag(tagOrDigest).build();
        BatchGetImageResponse response = ecr.batchGetImage(r -> r.registryId(repository.registryId())
                .repositoryName(repository.name())
                .imageIds(id)
                .acceptedMediaTypes(
                        "application/vnd.docker.distribution.manifest.v2+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json",
                        "application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.oci.image.index.v1+json"));
        return response.images().stream()
                .findFirst()
                .orElseThrow(() -> new EcrImageException("image " + repository.name() + ":" + tagOrDigest
                        + " not found: "
                        + (response.failures().isEmpty()
                                ? "ECR returned no image"
                                : response.failures().get(0).failureReason())));
    }

    /** DescribeImages for one digest, or empty when the repository has no image with it. */
    Optional<ImageDetail> find(RepositorySpec repository, String digest) {
        try {
            return Optional.of(describe(repository, digest));
        } catch (EcrImageException e) {
            if (e.getCause() instanceof ImageNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** DescribeImages for one digest: the confirmation that ECR holds what the builder pushed. */
    ImageDetail describe(RepositorySpec repository, String digest) {
        try {
            return ecr.describeImages(r -> r.registryId(repository.registryId())
                            .repositoryName(repository.name())
                            .imageIds(i -> i.imageDigest(digest)))
                    .imageDetails()
                    .get(0);
        } catch (ImageNotFoundException e) {
            throw new EcrImageException(
                    "push of " + repository.name() + " not confirmed: ECR has no image with" + " digest " + digest
                            + " (" + e.awsErrorDetails().errorMessage() + ")",
                    e);
        }
    }
}
