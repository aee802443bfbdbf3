package dev.ecsdeploy.emulator.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsdeploy.emulator.workload.Health;
import dev.ecsdeploy.emulator.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Moves tasks through PROVISIONING → PENDING → RUNNING → DEPROVISIONING → STOPPED, each step scheduled at its exact
 * due time, and plays each container's simulated workload: its start-up, its exit, its health and its log lines.
 */
final class TaskRunner {
    static final String ESSENTIAL_EXITED = "Essential container in task exited";

    private final EcsWorld world;
    private TaskObserver observer = new TaskObserver() {
        @Override
        public void taskFailed(EcsTask task, Instant at) {}

        @Override
        public void taskHealthy(EcsTask task, Instant at) {}
    };

    TaskRunner(EcsWorld world) {
        this.world = world;
    }

    void observer(TaskObserver newObserver) {
        this.observer = newObserver;
    }

    /** Creates a task in PROVISIONING and schedules the rest of its life. */
    EcsTask launch(
            Cluster cluster,
            TaskDefinition definition,
            String group,
            String startedBy,
            String launchType,
            ObjectNode overrides,
            Instant at) {
        String id = world.context.nextHexId();
        String arn = world.arn(cluster.region, "task/" + cluster.name + "/" + id);
        EcsTask task = new EcsTask(id, arn, cluster, definition, group, startedBy, launchType, overrides, at);
        for (ObjectNode container : definition.containers()) {
            String containerArn =
                    world.arn(cluster.region, "container/" + cluster.name + "/" + id + "/" + world.context.nextHexId());
            String image = container.path("image").asText();
            task.containers.add(new TaskContainer(containerArn, container, world.resolve(image)));
        }
        world.tasks.put(arn, task);
        world.events.schedule(at.plus(Times.PROVISIONING), due -> pending(task, due));
        return task;
    }

    private void pending(EcsTask task, Instant at) {
        if (task.stopping()) {
            return;
        }
        task.lastStatus = "PENDING";
        task.pullStartedAt = at;
        task.connectivityAt = at;
        task.touch();
        if (task.containers.stream().anyMatch(TaskContainer::missingImage)) {
            world.events.schedule(at.plus(Times.PULL_FAILURE), due -> failToStart(task, due));
            return;
        }
        Duration startup = task.containers.stream()
                .map(c -> c.workload.startup())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
        world.events.schedule(at.plus(startup), due -> running(task, due));
    }

    private void failToStart(EcsTask task, Instant at) {
        if (task.stopping()) {
            return;
        }
        task.pullStoppedAt = at;
        String reason = null;
        for (TaskContainer container : task.containers) {
            container.lastStatus = "STOPPED";
            if (container.missingImage()) {
                container.reason = container.pullError();
                reason = reason == null ? container.reason : reason;
            }
        }
        halt(task, at, "TaskFailedToStart", reason);
        observer.taskFailed(task, at);
    }

    private void running(EcsTask task, Instant at) {
        if (task.stopping()) {
            return;
        }
        task.lastStatus = "RUNNING";
        task.startedAt = at;
        task.pullStoppedAt = at;
        task.touch();
        for (TaskContainer container : task.containers) {
            container.lastStatus = "RUNNING";
            container.runtimeId = task.id + "-" + Math.abs(container.name.hashCode());
            scheduleWorkload(task, container, at);
        }
        if (task.service != null) {
            scheduleServiceHealth(task, at);
        }
    }

    private void scheduleWorkload(EcsTask task, TaskContainer container, Instant start) {
        Workload workload = container.workload;
        boolean oneOff = task.service == null;
        Duration lifetime = null;
        int exitCode = workload.exitCode();
        if (workload.health() == Health.CRASH) {
            lifetime = Times.CRASH_AFTER;
            exitCode = exitCode == 0 ? 1 : exitCode;
        } else if (oneOff) {
            lifetime = workload.run();
        }
        scheduleLogs(task, container, start, lifetime == null ? workload.run() : lifetime);
        scheduleContainerHealth(task, container, start);
        if (lifetime != null) {
            int code = exitCode;
            world.events.schedule(start.plus(lifetime), due -> containerExited(task, container, code, due));
        }
    }

    private void scheduleLogs(EcsTask task, TaskContainer container, Instant start, Duration span) {
        ObjectNode options = container.awslogsOptions();
        List<String> lines = container.workload.logLines();
        if (options == null || lines.isEmpty()) {
            return;
        }
        String group = options.path("awslogs-group").asText("");
        String prefix = options.path("awslogs-stream-prefix").asText("");
        String stream = (prefix.isEmpty() ? "" : prefix + "/") + container.name + "/" + task.id;
        boolean createGroup = options.path("awslogs-create-group").asText("").equals("true");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Instant due = start.plusNanos(span.toNanos() * i / lines.size());
            world.events.schedule(due, at -> {
                if (container.running() && !task.stopping()) {
                    world.logs.write(group, stream, at, line, createGroup);
                }
            });
        }
    }

    private void scheduleContainerHealth(EcsTask task, TaskContainer container, Instant start) {
        if (!container.hasHealthCheck) {
            return;
        }
        JsonNode check = container.definition.path("healthCheck");
        Duration interval = Duration.ofSeconds(check.path("interval").asInt(30));
        boolean healthy = container.workload.health() == Health.HEALTHY;
        Duration delay = healthy ? interval : unhealthyAfter(check);
        world.events.schedule(start.plus(delay), due -> {
            if (container.running()) {
                container.healthStatus = healthy ? "HEALTHY" : "UNHEALTHY";
                task.touch();
            }
        });
    }

    private static Duration unhealthyAfter(JsonNode check) {
        int interval = check.path("interval").asInt(30);
        return Duration.ofSeconds(check.path("startPeriod").asInt(0)
                + (long) interval * check.path("retries").asInt(3));
    }

    private void scheduleServiceHealth(EcsTask task, Instant start) {
        boolean unhealthy =
                task.containers.stream().anyMatch(c -> c.essential && c.workload.health() == Health.UNHEALTHY);
        boolean crashes = task.containers.stream().anyMatch(c -> c.essential && c.workload.health() == Health.CRASH);
        if (crashes) {
            return;
        }
        JsonNode loadBalancer = task.service.loadBalancers.path(0);
        if (unhealthy) {
            Duration delay;
            String reason;
            if (!loadBalancer.isMissingNode()) {
                delay = max(
                        Duration.ofSeconds(task.service.healthCheckGracePeriodSeconds), Times.LOAD_BALANCER_UNHEALTHY);
                reason = "Task failed ELB health checks in (target-group "
                        + loadBalancer.path("targetGroupArn").asText() + ")";
            } else {
                delay = containerCheck(task).map(TaskRunner::unhealthyAfter).orElse(Duration.ofSeconds(90));
                reason = "Task failed container health checks";
            }
            world.events.schedule(start.plus(delay), due -> {
                if (task.running()) {
                    stop(task, due, "ServiceSchedulerInitiated", reason);
                    observer.taskFailed(task, due);
                }
            });
            return;
        }
        Duration delay = !loadBalancer.isMissingNode()
                ? Times.LOAD_BALANCER_HEALTHY
                : containerCheck(task)
                        .map(check -> Duration.ofSeconds(check.path("interval").asInt(30)))
                        .orElse(Times.HEALTHY_WITHOUT_CHECKS);
        world.events.schedule(start.plus(delay), due -> {
            if (task.running()) {
                task.healthyAt = due;
                task.touch();
                observer.taskHealthy(task, due);
            }
        });
    }

    private static java.util.Optional<JsonNode> containerCheck(EcsTask task) {
        return task.containers.stream()
                .filter(c -> c.essential && c.hasHealthCheck)
                .map(c -> c.definition.path("healthCheck"))
                .findFirst();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void containerExited(EcsTask task, TaskContainer container, int exitCode, Instant at) {
        if (!container.running() || task.stopping()) {
            return;
        }
        container.lastStatus = "STOPPED";
        container.exitCode = exitCode;
        task.touch();
        if (!container.essential) {
            return;
        }
        boolean failure = task.service != null;
        halt(task, at, "EssentialContainerExited", ESSENTIAL_EXITED);
        if (failure) {
            observer.taskFailed(task, at);
        }
    }

    /**
     * Stops a task on request (StopTask or the scheduler): running containers get SIGTERM and exit with 143, the
     * way a container without a signal handler reports it.
     */
    void stop(EcsTask task, Instant at, String stopCode, String reason) {
        if (!task.stopping()) {
            halt(task, at, stopCode, reason);
        }
    }

    private void halt(EcsTask task, Instant at, String stopCode, String reason) {
        for (TaskContainer container : task.containers) {
            if (container.running()) {
                container.exitCode = 143;
            }
            container.lastStatus = "STOPPED";
        }
        task.desiredStatus = "STOPPED";
        task.stopCode = stopCode;
        task.stoppedReason = reason;
        task.stoppingAt = at;
        task.executionStoppedAt = at;
        task.lastStatus = "DEPROVISIONING";
        task.touch();
        world.events.schedule(at.plus(Times.DEPROVISIONING), due -> stopped(task, due));
    }

    private void stopped(EcsTask task, Instant at) {
        task.lastStatus = "STOPPED";
        task.stoppedAt = at;
        task.touch();
        world.events.schedule(at.plus(Times.STOPPED_TASK_RETENTION), due -> world.tasks.remove(task.arn));
    }
}
