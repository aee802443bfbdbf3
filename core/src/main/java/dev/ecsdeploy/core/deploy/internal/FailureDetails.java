package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.internal.Verdicts.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Turns a failure verdict into a reason a person can act on: ECS's own reason, the service events since we started,
 * and the stopped tasks of the new task definition with their stoppedReason and exit codes.
 */
final class FailureDetails {
    private static final int MAX_TASKS = 3;
    private static final int MAX_EVENTS = 5;

    private final EcsClient ecs;

    FailureDetails(EcsClient ecs) {
        this.ecs = ecs;
    }

    Verdict explain(DeploymentHandle handle, Verdict verdict, Service service) {
        return explain(handle, verdict, service, null);
    }

    Verdict explain(DeploymentHandle handle, Verdict verdict, Service service, ServiceDeployment sd) {
        if (verdict.status() == DeploymentStatus.SUCCESSFUL) {
            return verdict;
        }
        StringBuilder reason = new StringBuilder(verdict.reason());
        if (sd != null) {
            reason.append("; service deployment ").append(sd.statusAsString());
            if (sd.statusReason() != null && !verdict.reason().contains(sd.statusReason())) {
                reason.append(": ").append(sd.statusReason());
            }
            if (sd.rollback() != null && sd.rollback().reason() != null) {
                reason.append("; rollback: ").append(sd.rollback().reason());
            }
        }
        // The newest events say most about the failure; they are listed oldest first.
        List<String> recent = service.events().stream()
                .filter(e -> !e.createdAt().isBefore(handle.startedAt()))
                .sorted(Comparator.comparing(
                                (software.amazon.awssdk.services.ecs.model.ServiceEvent e) -> e.createdAt())
                        .reversed())
                .limit(MAX_EVENTS)
                .map(e -> e.message())
                .collect(Collectors.toList());
        java.util.Collections.reverse(recent);
        String events = String.join(" | ", recent);
        if (!events.isEmpty()) {
            reason.append("; service events: ").append(events);
        }
        String tasks = stoppedTasks(handle);
        if (!tasks.isEmpty()) {
            reason.append("; stopped tasks: ").append(tasks);
        }
        return new Verdict(verdict.status(), reason.toString(), false);
    }

    private String stoppedTasks(DeploymentHandle handle) {
        try {
            List<String> arns = ecs.listTasks(r -> r.cluster(handle.cluster())
                            .serviceName(handle.service())
                            .desiredStatus(DesiredStatus.STOPPED))
                    .taskArns();
            if (arns.isEmpty()) {
                return "";
            }
            return ecs
                    .describeTasks(r -> r.cluster(handle.cluster()).tasks(arns.subList(0, Math.min(100, arns.size()))))
                    .tasks()
                    .stream()
                    .filter(t -> handle.newTaskDefinitionArn().equals(t.taskDefinitionArn()))
                    .limit(MAX_TASKS)
                    .map(FailureDetails::describe)
                    .collect(Collectors.joining(" | "));
        } catch (SdkException e) {
            // The reason is a courtesy; a throttled lookup must not change the verdict.
            return "";
        }
    }

    private static String describe(Task task) {
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String containers =
                task.containers().stream().map(FailureDetails::describe).collect(Collectors.joining(", "));
        return "task " + id + " " + (task.stopCodeAsString() == null ? "" : task.stopCodeAsString() + ": ")
                + task.stoppedReason() + (containers.isEmpty() ? "" : " (" + containers + ")");
    }

    private static String describe(Container container) {
        return container.name() + " exit code " + (container.exitCode() == null ? "none" : container.exitCode())
                + (container.reason() == null ? "" : " " + container.reason());
    }
}
