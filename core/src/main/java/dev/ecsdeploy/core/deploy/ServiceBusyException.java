package dev.ecsdeploy.core.deploy;

import java.util.List;

/**
 * A deployment refused because another deployment is in progress on the service, and the request asked to fail
 * rather than wait ({@link DeploymentRequest.WhenBusy#FAIL}). Nothing was changed; unlike
 * {@link InvalidDeploymentException}, the input was not wrong: the same request succeeds once the other deployment
 * ends, or right away when it waits.
 */
public final class ServiceBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final List<String> busyDeploymentIds;

    public ServiceBusyException(String message, String service, List<String> busyDeploymentIds) {
        super(message);
        this.service = service;
        this.busyDeploymentIds = List.copyOf(busyDeploymentIds);
    }

    /** The service that is busy. */
    public String service() {
        return service;
    }

    /** The ids of the deployments in progress (ECS deployment ids, or CodeDeploy deployment ids). */
    public List<String> busyDeploymentIds() {
        return busyDeploymentIds;
    }
}
