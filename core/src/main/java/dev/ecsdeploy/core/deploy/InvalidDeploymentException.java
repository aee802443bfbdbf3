package dev.ecsdeploy.core.deploy;

/**
 * A deployment refused before any mutation: bad input, a missing cluster, service or container, an image that does
 * not exist, a service whose controller or configuration cannot take the requested deployment. The message reads
 * "{what happened}: {why}".
 */
public final class InvalidDeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidDeploymentException(String message) {
        super(message);
    }

    public InvalidDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
