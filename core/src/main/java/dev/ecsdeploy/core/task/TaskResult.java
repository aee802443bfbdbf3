package dev.ecsdeploy.core.task;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one task did, as DescribeTasks last reported it.
 *
 * @param taskArn the task ARN
 * @param lastStatus PROVISIONING, PENDING, RUNNING, STOPPED …
 * @param stopCode why it stopped ({@code EssentialContainerExited}, {@code TaskFailedToStart}, {@code UserInitiated}
 *     …) as a string, so values newer than the SDK survive; {@code null} while running
 * @param stoppedReason ECS's free-text reason, {@code null} while running
 * @param startedAt when it started running, {@code null} if it never did
 * @param stoppedAt when it stopped, {@code null} while running
 * @param containers its containers in task definition order
 */
public record TaskResult(
        String taskArn,
        String lastStatus,
        String stopCode,
        String stoppedReason,
        Instant startedAt,
        Instant stoppedAt,
        List<ContainerResult> containers)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public TaskResult {
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(lastStatus, "lastStatus");
        containers = List.copyOf(containers);
    }

    /** Returns the task id, the last part of the ARN. */
    public String taskId() {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    public boolean isStopped() {
        return "STOPPED".equals(lastStatus);
    }

    public boolean isRunning() {
        return "RUNNING".equals(lastStatus);
    }

    public Optional<ContainerResult> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
