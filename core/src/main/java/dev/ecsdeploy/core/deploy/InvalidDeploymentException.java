package dev.ecsdeploy.core.deploy;

/**
 * A deployment refused before any mutation: bad input, a missing cluster, service or container, an image that does
 * not exist, a service whose controller or configuration cannot take the requested deployment. The message reads
 * "{what happened}: {why}"; {@link #reason()} says which refusal it is, so callers can render it in their own terms
 * without reading the message.
 */
public final class InvalidDeploymentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which refusal this is, for callers that word it in their own vocabulary. */
    public enum Reason {
        /** Any refusal without a reason of its own. */
        INVALID,
        /** The service uses the CODE_DEPLOY deployment controller: deploy it through CodeDeploy instead. */
        CODE_DEPLOY_CONTROLLER
    }

    private final Reason reason;

    public InvalidDeploymentException(String message) {
        this(message, Reason.INVALID);
    }

    public InvalidDeploymentException(String message, Throwable cause) {
        super(message, cause);
        this.reason = Reason.INVALID;
    }

    public InvalidDeploymentException(String message, Reason reason) {
        super(message);
        this.reason = reason;
    }

    /** Which refusal this is; {@link Reason#INVALID} unless a more specific one applies. */
    public Reason reason() {
        // A form serialized before the field existed reads it as null.
        return reason == null ? Reason.INVALID : reason;
    }
}
