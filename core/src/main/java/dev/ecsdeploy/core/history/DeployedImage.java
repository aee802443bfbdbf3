package dev.ecsdeploy.core.history;

/**
 * The image one container of a task definition runs.
 *
 * @param container the container name (may be null when there is only one)
 * @param image the image reference as written in the task definition
 * @param digest the resolved {@code sha256:…} digest (may be null when it was not resolved)
 */
public record DeployedImage(String container, String image, String digest) {}
