package dev.ecsdeploy.core.deploy;

/**
 * A deployment refused because another deployment is in progress on the service, and the request asked to fail
 * rather than wait. Nothing was changed; unlike {@link InvalidDeploymentException}, the input was not wrong: the same
 * request succeeds once the other deployment ends.
 */
public final class ServiceBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServiceBusyException(String message) {
        super(message);
    }
}
