package dev.ecsdeploy.core.task;

import java.util.List;

/**
 * An image or command given for {@link TaskRunRequest#MATCHING_CONTAINER} fits no single container of the task
 * definition: it has several, and not exactly one runs the image's repository. Nothing was registered or started;
 * {@link #containerNames()} lists the candidates so callers can ask for one in their own terms.
 */
public final class ContainerChoiceException extends TaskRunException {
    private static final long serialVersionUID = 1L;

    private final List<String> containerNames;

    public ContainerChoiceException(String message, List<String> containerNames) {
        super(message);
        this.containerNames = List.copyOf(containerNames);
    }

    /** The containers of the task definition, in its order. */
    public List<String> containerNames() {
        return containerNames;
    }
}
