package dev.ecsdeploy.core.task;

import java.io.Serializable;
import java.util.Objects;

/**
 * What one container of a task did.
 *
 * @param name the container name
 * @param essential whether the task definition marks it essential
 * @param lastStatus its last status (PENDING, RUNNING, STOPPED …)
 * @param exitCode its exit code, {@code null} when it never ran or has not exited
 * @param reason ECS's explanation, such as {@code CannotPullContainerError: …}; {@code null} when none
 */
public record ContainerResult(String name, boolean essential, String lastStatus, Integer exitCode, String reason)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ContainerResult {
        Objects.requireNonNull(name, "name");
    }
}
