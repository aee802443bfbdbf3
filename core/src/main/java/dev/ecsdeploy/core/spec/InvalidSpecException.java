package dev.ecsdeploy.core.spec;

/** A task definition or service spec that cannot be used: invalid JSON, unknown members, unfilled placeholders. */
public final class InvalidSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSpecException(String message) {
        super(message);
    }
}
