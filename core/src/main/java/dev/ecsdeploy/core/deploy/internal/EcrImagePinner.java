package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.InvalidDeploymentException;
import dev.ecsdeploy.core.ecr.EcrRegistryHost;
import dev.ecsdeploy.core.spec.ImageName;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/**
 * Pins image references to digests with ECR's DescribeImages. An image counts as "in ECR" when its host is an ECR
 * registry host or when ECR reports a repository whose URI is the image's repository; the registry host is taken from
 * what ECR returns, never assumed.
 */
final class EcrImagePinner {
    private final EcrClient ecr;

    EcrImagePinner(EcrClient ecr) {
        this.ecr = ecr;
    }

    /**
     * The outcome for one image.
     *
     * @param reference the reference to register: pinned by digest when the image is in ECR
     * @param inEcr whether ECR holds the repository
     */
    record Pinned(String reference, boolean inEcr) {}

    Pinned pin(String image) {
        ImageName name = ImageName.parse(image);
        if (name.host().isEmpty()) {
            return new Pinned(image, false);
        }
        Repository repository = repository(name);
        if (repository == null) {
            if (EcrRegistryHost.parse(name.host()).isPresent()) {
                throw new InvalidDeploymentException(
                        "image does not exist in ECR: " + image + " (repository " + name.repository() + " not found)");
            }
            return new Pinned(image, false);
        }
        return new Pinned(name.withDigest(digest(name, image)).toString(), true);
    }

    private Repository repository(ImageName name) {
        try {
            return ecr.describeRepositories(r -> r.repositoryNames(name.repository())).repositories().stream()
                    .filter(repo -> repo.repositoryUri().equals(name.repositoryPath()))
                    .findFirst()
                    .orElse(null);
        } catch (RepositoryNotFoundException e) {
            return null;
        } catch (software.amazon.awssdk.services.ecr.model.InvalidParameterException e) {
            // A name ECR cannot hold (e.g. upper case) is not an ECR image.
            return null;
        }
    }

    private String digest(ImageName name, String image) {
        ImageIdentifier id = name.isPinned()
                ? ImageIdentifier.builder().imageDigest(name.digest()).build()
                : ImageIdentifier.builder()
                        .imageTag(name.tag() == null ? "latest" : name.tag())
                        .build();
        try {
            return ecr.describeImages(r -> r.repositoryName(name.repository()).imageIds(id)).imageDetails().stream()
                    .findFirst()
                    .map(detail -> detail.imageDigest())
                    .orElseThrow(() -> notFound(image));
        } catch (ImageNotFoundException e) {
            throw notFound(image);
        }
    }

    private static InvalidDeploymentException notFound(String image) {
        return new InvalidDeploymentException(
                "image does not exist in ECR: " + image + " is not in its repository; push it first");
    }
}
