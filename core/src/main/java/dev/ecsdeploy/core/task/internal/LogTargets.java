package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.task.*;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;

/** Decides from a container's log configuration whether its output can be read from CloudWatch Logs, and why not. */
public final class LogTargets {
    private LogTargets() {}

    static boolean streamable(LogConfiguration logs) {
        return whyNotStreamed(logs) == null;
    }

    /** Returns why the container's logs cannot be streamed, or {@code null} when they can. */
    static String whyNotStreamed(LogConfiguration logs) {
        if (logs == null || logs.logDriverAsString() == null) {
            return "it has no log configuration, so its output is kept only by the container runtime";
        }
        String driver = logs.logDriverAsString();
        if (!"awslogs".equals(driver)) {
            return "it uses the " + driver
                    + " log driver; only awslogs writes to CloudWatch Logs, where ecs-deploy reads";
        }
        if (!logs.hasOptions() || logs.options().get("awslogs-group") == null) {
            return "its awslogs configuration has no awslogs-group";
        }
        if (logs.options().get("awslogs-stream-prefix") == null) {
            return "its awslogs configuration has no awslogs-stream-prefix, so the stream is named after the Docker"
                    + " container id, which ECS does not report; add a stream prefix";
        }
        return null;
    }
}
