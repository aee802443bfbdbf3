package dev.ecsdeploy.core.ecr;

/**
 * A build, push, promotion or repository operation failed. The message reads "{what happened}: {why}" and never
 * contains a credential.
 */
public class EcrImageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EcrImageException(String message) {
        super(message);
    }

    public EcrImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
