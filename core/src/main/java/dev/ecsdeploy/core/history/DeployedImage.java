package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.spec.ImageName;

/**
 * The image one container of a task definition runs.
 *
 * @param container the container name (may be null when there is only one)
 * @param image the image reference as written in the task definition
 * @param digest the resolved {@code sha256:…} digest (may be null when it was not resolved)
 */
public record DeployedImage(String container, String image, String digest) {
    /** Returns the last path segment of the image's repository ({@code hello} for {@code …/team/hello:1}). */
    public String repositoryName() {
        String path = parsed() == null ? image : parsed().repository();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    /** Returns the image's tag, or null when it is referenced by digest only. */
    public String tag() {
        return parsed() == null ? null : parsed().tag();
    }

    private ImageName parsed() {
        try {
            return image == null ? null : ImageName.parse(image);
        } catch (RuntimeException e) { // an image reference we cannot parse is still shown as written
            return null;
        }
    }
}
