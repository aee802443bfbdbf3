package dev.ecsdeploy.core.deploy.internal;

import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentStatus;
import dev.ecsdeploy.core.deploy.internal.Verdicts.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    /** ECS's stoppedReason when an essential container exited: the exit codes say more. */
    private static final String ESSENTIAL_CONTAINER_EXITED = "Essential container in task exited";

    private final EcsClient ecs;

    FailureDetails(EcsClient ecs) {
        this.ecs = ecs;
    }

    Verdict explain(DeploymentHandle handle, Verdict verdict, Service service) {
        return explain(handle, verdict, service, null);
    }

    /**
     * The verdict with a concise reason (ECS's reason, and what the stopped tasks of the new task definition have in
     * common) and the details behind it: the service deployment, the service events since we started, the tasks.
     */
    Verdict explain(DeploymentHandle handle, Verdict verdict, Service service, ServiceDeployment sd) {
        if (verdict.status() == DeploymentStatus.SUCCESSFUL) {
            return verdict;
        }
        List<String> details = new ArrayList<>();
        if (sd != null) {
            String status = "service deployment " + sd.statusAsString();
            if (sd.statusReason() != null && !verdict.reason().contains(sd.statusReason())) {
                status += ": " + sd.statusReason();
            }
            details.add(status);
            if (sd.rollback() != null && sd.rollback().reason() != null) {
                details.add("rollback: " + sd.rollback().reason());
            }
        }
        // The newest events say most about the failure; they are listed oldest first.
        List<String> recent = service.events().stream()
                .filter(e -> !e.createdAt().isBefore(handle.startedAt()))
                .sorted(Comparator.comparing(
                                (software.amazon.awssdk.services.ecs.model.ServiceEvent e) -> e.createdAt())
                        .reversed())
                .limit(MAX_EVENTS)
                .map(e -> "service event: " + e.message())
                .collect(Collectors.toList());
        java.util.Collections.reverse(recent);
        details.addAll(recent);
        List<Task> tasks = stoppedTasks(handle);
        tasks.stream().limit(MAX_TASKS).map(FailureDetails::describe).forEach(details::add);
        String common = inCommon(tasks);
        String reason = oneLine(verdict.reason()) + (common.isEmpty() ? "" : ": " + common);
        return new Verdict(verdict.status(), reason, false, details);
    }

    /**
     * What the stopped tasks share, e.g. "3 tasks exited 1 (container hello)", with their stopped reason when they
     * share one that says more than that an essential container exited; empty when there are none.
     */
    static String inCommon(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return "";
        }
        Map<String, Long> exits = tasks.stream()
                .flatMap(task -> task.containers().stream())
                .filter(container -> container.exitCode() != null && container.exitCode() != 0)
                .collect(Collectors.groupingBy(
                        container -> "exited " + container.exitCode() + " (container " + container.name() + ")",
                        java.util.LinkedHashMap::new,
                        Collectors.counting()));
        String count = tasks.size() + (tasks.size() == 1 ? " task" : " tasks");
        String what = exits.size() == 1
                ? exits.values().iterator().next()
                        + (exits.values().iterator().next() == 1 ? " task " : " tasks ")
                        + exits.keySet().iterator().next()
                : count + (exits.isEmpty() ? " stopped" : " stopped with different exit codes");
        List<String> reasons = tasks.stream()
                .map(Task::stoppedReason)
                .filter(reason -> reason != null && !reason.isBlank())
                .distinct()
                .toList();
        boolean telling = reasons.size() == 1 && !reasons.get(0).startsWith(ESSENTIAL_CONTAINER_EXITED);
        return telling ? what + ": " + oneLine(reasons.get(0)) : what;
    }

    /** ECS's reasons sometimes span lines or end with a full stop; a summary is one line that goes on. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private List<Task> stoppedTasks(DeploymentHandle handle) {
        try {
            List<String> arns = ecs.listTasks(r -> r.cluster(handle.cluster())
                            .serviceName(handle.service())
                            .desiredStatus(DesiredStatus.STOPPED))
                    .taskArns();
            if (arns.isEmpty()) {
                return List.of();
            }
            return ecs
                    .describeTasks(r -> r.cluster(handle.cluster()).tasks(arns.subList(0, Math.min(100, arns.size()))))
                    .tasks()
                    .stream()
                    .filter(t -> handle.newTaskDefinitionArn().equals(t.taskDefinitionArn()))
                    .toList();
        } catch (SdkException e) {
            // The reason is a courtesy; a throttled lookup must not change the verdict.
            return List.of();
        }
    }

    private static String describe(Task task) {
        String id = task.taskArn().substring(task.taskArn().lastIndexOf('/') + 1);
        String containers =
                task.containers().stream().map(FailureDetails::describe).collect(Collectors.joining(", "));
        return "stopped task " + id + " " + (task.stopCodeAsString() == null ? "" : task.stopCodeAsString() + ": ")
                + task.stoppedReason() + (containers.isEmpty() ? "" : " (" + containers + ")");
    }

    private static String describe(Container container) {
        return container.name() + " exit code " + (container.exitCode() == null ? "none" : container.exitCode())
                + (container.reason() == null ? "" : " " + container.reason());
    }
}
