package dev.ecsdeploy.core.logs;

import java.io.Serializable;
import java.util.Objects;

/**
 * One CloudWatch Logs stream that an {@code awslogs} container writes to. The name follows the awslogs convention
 * {@code <stream-prefix>/<container-name>/<task-id>}, so it is computed from the task definition and the task ARN
 * without listing streams.
 *
 * @param logGroup the {@code awslogs-group} option
 * @param region the {@code awslogs-region} option, the region whose CloudWatch Logs holds the stream
 * @param streamName the full stream name
 * @param containerName the container that writes the stream
 * @param taskId the id of the task (the last part of its ARN)
 */
public record LogStreamRef(String logGroup, String region, String streamName, String containerName, String taskId)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public LogStreamRef {
        Objects.requireNonNull(logGroup, "logGroup");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(taskId, "taskId");
    }

    /** Returns the stream of {@code container} in task {@code taskId} under the awslogs {@code prefix}. */
    public static LogStreamRef awslogs(
            String logGroup, String region, String prefix, String containerName, String taskId) {
        return new LogStreamRef(logGroup, region, prefix + "/" + containerName + "/" + taskId, containerName, taskId);
    }

    @Override
    public String toString() {
        return logGroup + ":" + streamName;
    }
}
