package dev.ecsdeploy.core.ecr;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One layer of a Jib image: a file or directory on the build machine copied to an absolute path in the image.
 *
 * @param source the file or directory to copy
 * @param pathInImage where it lands, e.g. {@code /app/app.jar}
 * @param executable whether copied files get mode 0755 instead of 0644
 */
public record JibLayer(Path source, String pathInImage, boolean executable) {
    public JibLayer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pathInImage, "pathInImage");
        if (!pathInImage.startsWith("/")) {
            throw new IllegalArgumentException("Jib layer path must be absolute: " + pathInImage);
        }
    }

    public static JibLayer of(Path source, String pathInImage) {
        return new JibLayer(source, pathInImage, false);
    }

    public static JibLayer executable(Path source, String pathInImage) {
        return new JibLayer(source, pathInImage, true);
    }
}
