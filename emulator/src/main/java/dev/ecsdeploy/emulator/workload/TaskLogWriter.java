package dev.ecsdeploy.emulator.workload;

import java.time.Instant;

/**
 * Implemented by the emulated CloudWatch Logs; used by ECS to write what a simulated container prints when its
 * task definition uses the {@code awslogs} driver. ECS creates the group only when {@code awslogs-create-group} is
 * true, as the real agent does; otherwise a missing group means the line is lost, also as in AWS.
 */
public interface TaskLogWriter {
    void write(String logGroup, String logStream, Instant timestamp, String message, boolean createGroup);
}
