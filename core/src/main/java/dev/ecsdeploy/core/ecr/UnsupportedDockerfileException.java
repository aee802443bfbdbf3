package dev.ecsdeploy.core.ecr;

/**
 * A Dockerfile that Jib cannot build: it runs or fetches something (RUN, ADD), needs build arguments or several
 * stages, or is not a Dockerfile at all. The message names the line and why.
 */
public final class UnsupportedDockerfileException extends EcrImageException {
    private static final long serialVersionUID = 1L;

    public UnsupportedDockerfileException(String message) {
        super(message);
    }
}
