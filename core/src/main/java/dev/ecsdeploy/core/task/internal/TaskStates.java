package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.task.*;
import dev.ecsdeploy.core.task.TaskRunHandle.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.Task;

/** Turns DescribeTasks answers into our own immutable values, so no SDK type leaks into handles or results. */
public final class TaskStates {
    private TaskStates() {}

    static TaskResult from(Task task, List<ContainerSpec> specs) {
        Map<String, Container> byName =
                task.containers().stream().collect(Collectors.toMap(Container::name, Function.identity(), (a, b) -> a));
        List<ContainerResult> containers = new ArrayList<>();
        for (ContainerSpec spec : specs) {
            Container container = byName.remove(spec.name());
            containers.add(container == null ? pending(spec) : result(container, spec.essential()));
        }
        // Containers the task definition did not declare (an injected agent): reported, never judged.
        byName.values().forEach(container -> containers.add(result(container, false)));
        return new TaskResult(
                task.taskArn(),
                task.lastStatus() == null ? "UNKNOWN" : task.lastStatus(),
                task.stopCodeAsString(),
                task.stoppedReason(),
                task.startedAt(),
                task.stoppedAt(),
                containers);
    }

    /** Returns a task as known from RunTask alone, before DescribeTasks has seen it. */
    static TaskResult launched(Task task, List<ContainerSpec> specs) {
        return from(task, specs);
    }

    public static String taskId(String taskArn) {
        return taskArn.substring(taskArn.lastIndexOf('/') + 1);
    }

    private static ContainerResult result(Container container, boolean essential) {
        return new ContainerResult(
                container.name(), essential, container.lastStatus(), container.exitCode(), container.reason());
    }

    private static ContainerResult pending(ContainerSpec spec) {
        return new ContainerResult(spec.name(), spec.essential(), "PENDING", null, null);
    }
}
