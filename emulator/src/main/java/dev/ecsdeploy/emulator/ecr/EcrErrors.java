package dev.ecsdeploy.emulator.ecr;

import dev.ecsdeploy.emulator.http.AwsException;

/** ECR's errors, with the codes the SDK maps to typed exceptions and messages worded as ECR words them. */
final class EcrErrors {
    private EcrErrors() {}

    static AwsException repositoryNotFound(String name, String registryId) {
        return AwsException.client(
                "RepositoryNotFoundException",
                "The repository with name '" + name + "' does not exist in the registry with id '" + registryId + "'");
    }

    static AwsException repositoryAlreadyExists(String name, String registryId) {
        return AwsException.client(
                "RepositoryAlreadyExistsException",
                "The repository with name '" + name + "' already exists in the registry with id '" + registryId + "'");
    }

    static AwsException repositoryNotEmpty(String name, String registryId) {
        return AwsException.client(
                "RepositoryNotEmptyException",
                "The repository with name '" + name + "' in registry with id '" + registryId
                        + "' cannot be deleted because it still contains images");
    }

    static AwsException lifecyclePolicyNotFound(String name, String registryId) {
        return AwsException.client(
                "LifecyclePolicyNotFoundException",
                "Lifecycle policy does not exist for the repository with name '" + name + "' in the registry with id '"
                        + registryId + "'");
    }

    static AwsException repositoryPolicyNotFound(String name, String registryId) {
        return AwsException.client(
                "RepositoryPolicyNotFoundException",
                "Repository policy does not exist for the repository with name '" + name + "' in the registry with id '"
                        + registryId + "'");
    }

    static AwsException imageNotFound(String digest, String tag, String name, String registryId) {
        return AwsException.client(
                "ImageNotFoundException",
                "The image with imageId {imageDigest:'" + digest + "', imageTag:'" + tag
                        + "'} does not exist within the repository with name '" + name
                        + "' in the registry with id '" + registryId + "'");
    }

    static AwsException imageTagAlreadyExists(String tag, String name) {
        return AwsException.client(
                "ImageTagAlreadyExistsException",
                "The image tag '" + tag + "' already exists in the '" + name
                        + "' repository and cannot be overwritten because the repository is immutable.");
    }

    static AwsException imageAlreadyExists(String digest, String tag, String name, String registryId) {
        return AwsException.client(
                "ImageAlreadyExistsException",
                "Image with digest '" + digest + "' and tag '" + tag
                        + "' already exists in the repository with name '" + name + "' in registry with id '"
                        + registryId + "'");
    }

    static AwsException scanNotFound(String digest, String name, String registryId) {
        return AwsException.client(
                "ScanNotFoundException",
                "Image scan does not exist for the image with '{imageDigest:'" + digest
                        + "', imageTag:'null'}' in the repository with name '" + name + "' in the registry with id '"
                        + registryId + "'");
    }

    static AwsException scanQuotaExceeded() {
        return AwsException.client(
                "LimitExceededException", "The scan quota per image has been exceeded. Wait and try again.");
    }

    static AwsException layersNotFound(java.util.List<String> digests, String name, String registryId) {
        return AwsException.client(
                "LayersNotFoundException",
                "Layers with digests '" + digests + "' required for pushing image into repository with name '" + name
                        + "' in the registry with id '" + registryId + "' do not exist");
    }

    static AwsException required(String member) {
        return AwsException.invalidParameter(
                "Invalid parameter at '" + member + "' failed to satisfy constraint: 'Member must not be null'");
    }
}
