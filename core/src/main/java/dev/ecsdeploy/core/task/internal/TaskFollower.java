package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.logs.LogCursor;
import dev.ecsdeploy.core.logs.LogLine;
import dev.ecsdeploy.core.logs.LogRead;
import dev.ecsdeploy.core.logs.LogReadCadence;
import dev.ecsdeploy.core.logs.LogStreamRef;
import dev.ecsdeploy.core.logs.TaskLogStreamer;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.task.*;
import dev.ecsdeploy.core.task.TaskRunHandle.ContainerSpec;
import dev.ecsdeploy.core.task.TaskRunHandle.Phase;
import dev.ecsdeploy.core.task.TaskRunHandle.StopCause;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One poll round: RunTask for a prepared run, then whatever is due of StopTask (timeout), DescribeTasks and
 * GetLogEvents, then the phase change that follows. Each round reads only what its cadence allows and never sleeps.
 */
public final class TaskFollower {
    /** StopTask reasons are cut at 255 characters by ECS. */
    private static final int MAX_STOP_REASON = 255;

    private static final Duration RETRY_LATER = Duration.ofSeconds(5);

    private final EcsClient ecs;
    private final TaskLogStreamer streamer;
    private final LogReadCadence cadence;

    TaskFollower(EcsClient ecs, TaskLogStreamer streamer, LogReadCadence cadence) {
        this.ecs = ecs;
        this.streamer = streamer;
        this.cadence = cadence;
    }

    OperationPoll<TaskRunHandle, TaskRunResult> poll(TaskRunHandle handle, InstantSource clock) {
        Round round = new Round(handle, clock);
        if (handle.phase() == Phase.PREPARED) {
            launch(round);
        } else if (handle.phase() != Phase.DONE) {
            follow(round);
        }
        return round.finish();
    }

    OperationPoll<TaskRunHandle, TaskRunResult> abort(TaskRunHandle handle, String who, InstantSource clock) {
        Round round = new Round(handle, clock);
        Instant now = round.now;
        if (handle.phase() == Phase.PREPARED) {
            round.b.stopRequested(StopCause.ABORT, "aborted by " + who + " before RunTask", now);
            round.done();
        } else if (handle.phase() == Phase.FOLLOWING) {
            requestStop(round, StopCause.ABORT, "aborted by " + who);
        }
        return round.finish();
    }

    private void launch(Round r) {
        TaskRunHandle handle = r.b.build();
        RunTaskResponse response;
        try {
            response = ecs.runTask(RunTaskCalls.request(handle));
        } catch (AwsServiceException e) {
            if (transientError(e)) {
                r.warn(EventKinds.TASK_START, "RunTask failed, retrying with the same client token: " + message(e));
                r.retryAt = r.now.plus(RETRY_LATER);
                return;
            }
            throw new TaskRunException(
                    "RunTask of " + TaskVerdict.family(handle.taskDefinitionArn()) + " failed: " + message(e), e);
        }
        List<String> failures =
                response.failures().stream().map(TaskFollower::failure).toList();
        if (response.tasks().isEmpty()) {
            throw new TaskRunException("RunTask started no task of " + TaskVerdict.family(handle.taskDefinitionArn())
                    + ": " + (failures.isEmpty() ? "no failure reported" : String.join("; ", failures)));
        }
        launched(r, response.tasks(), failures);
    }

    private void launched(Round r, List<Task> tasks, List<String> failures) {
        List<ContainerSpec> specs = r.b.build().containers();
        List<String> arns = tasks.stream().map(Task::taskArn).toList();
        r.b.phase(Phase.FOLLOWING)
                .launched(r.now, arns, failures)
                .tasks(tasks.stream().map(t -> TaskStates.from(t, specs)).toList())
                .describeSchedule(0, r.now.plus(DescribeCadence.after(0)))
                .logCursors(cursors(arns, specs, r.now.plus(cadence.active())));
        TaskRunHandle handle = r.b.build();
        for (String arn : arns) {
            r.emit(ProgressEvent.info(
                            r.now,
                            EventKinds.TASK_START,
                            "started task " + TaskStates.taskId(arn) + " of "
                                    + TaskVerdict.family(handle.taskDefinitionArn()))
                    .withAttribute("taskArn", arn)
                    .withAttribute("clientToken", handle.clientToken()));
        }
        failures.forEach(f -> r.error(EventKinds.TASK_START, "RunTask did not start a task: " + f));
    }

    private static List<LogCursor> cursors(List<String> arns, List<ContainerSpec> specs, Instant firstRead) {
        List<LogCursor> cursors = new ArrayList<>();
        for (String arn : arns) {
            for (ContainerSpec spec : specs) {
                if (spec.streamsLogs()) {
                    LogStreamRef stream = LogStreamRef.awslogs(
                            spec.logGroup(),
                            spec.logRegion(),
                            spec.logStreamPrefix(),
                            spec.name(),
                            TaskStates.taskId(arn));
                    cursors.add(LogCursor.start(stream, firstRead));
                }
            }
        }
        return cursors;
    }

    private void follow(Round r) {
        TaskRunHandle handle = r.b.build();
        if (handle.phase() == Phase.FOLLOWING && !r.now.isBefore(handle.deadline())) {
            requestStop(r, StopCause.TIMEOUT, "timeout after " + DescribeCadence.human(handle.timeout()));
        }
        Phase phase = r.b.build().phase();
        if ((phase == Phase.FOLLOWING || phase == Phase.STOPPING)
                && !r.now.isBefore(r.b.build().nextDescribeAt())) {
            describe(r);
        }
        readLogs(r);
        advance(r);
    }

    private void requestStop(Round r, StopCause cause, String why) {
        String reason = truncate("Stopped by ecs-deploy: " + why);
        TaskRunHandle handle = r.b.build();
        List<TaskResult> running =
                handle.tasks().stream().filter(t -> !isFinal(t)).toList();
        for (TaskResult task : running) {
            try {
                ecs.stopTask(
                        s -> s.cluster(handle.cluster()).task(task.taskArn()).reason(reason));
            } catch (AwsServiceException | SdkClientException e) {
                r.warn(EventKinds.TASK_STOP, "StopTask of task " + task.taskId() + " failed: " + e.getMessage());
            }
        }
        r.b.phase(Phase.STOPPING)
                .stopRequested(cause, reason, r.now)
                .describeSchedule(0, r.now.plus(DescribeCadence.after(0)));
        r.warn(EventKinds.TASK_STOP, "stopping " + running.size() + " task(s): " + reason);
    }

    private void describe(Round r) {
        TaskRunHandle handle = r.b.build();
        List<TaskResult> tasks = new ArrayList<>(handle.tasks());
        try {
            for (int from = 0; from < handle.taskArns().size(); from += DescribeCadence.BATCH) {
                List<String> batch = handle.taskArns()
                        .subList(from, Math.min(handle.taskArns().size(), from + DescribeCadence.BATCH));
                DescribeTasksResponse response =
                        ecs.describeTasks(d -> d.cluster(handle.cluster()).tasks(batch));
                response.tasks().forEach(task -> update(r, tasks, TaskStates.from(task, handle.containers())));
                response.failures().forEach(failure -> missing(r, tasks, failure));
            }
        } catch (AwsServiceException | SdkClientException e) {
            if (e instanceof AwsServiceException service && !transientError(service)) {
                throw new TaskRunException(
                        "DescribeTasks in cluster " + handle.cluster() + " failed: " + message(service), e);
            }
            r.warn(EventKinds.TASK_DESCRIBE, "DescribeTasks failed, retrying in 5s: " + e.getMessage());
            r.b.describeSchedule(handle.describeCount(), r.now.plus(RETRY_LATER));
            return;
        }
        int count = handle.describeCount() + 1;
        r.b.tasks(tasks).describeSchedule(count, r.now.plus(DescribeCadence.after(count)));
    }

    private static void update(Round r, List<TaskResult> tasks, TaskResult next) {
        for (int i = 0; i < tasks.size(); i++) {
            TaskResult previous = tasks.get(i);
            if (previous.taskArn().equals(next.taskArn())) {
                tasks.set(i, next);
                announceChange(r, previous, next);
                return;
            }
        }
    }

    private static void announceChange(Round r, TaskResult previous, TaskResult next) {
        if (previous.lastStatus().equals(next.lastStatus())) {
            return;
        }
        String text = "task " + next.taskId() + " is " + next.lastStatus();
        if (next.isStopped()) {
            text = "task " + next.taskId() + " stopped (" + next.stopCode() + ": " + next.stoppedReason() + "); "
                    + exits(next);
        }
        r.emit(ProgressEvent.info(r.now, EventKinds.TASK_STATUS, text)
                .withAttribute("taskArn", next.taskArn())
                .withAttribute("lastStatus", next.lastStatus()));
    }

    private static String exits(TaskResult task) {
        return String.join(
                ", ",
                task.containers().stream()
                        .map(c -> c.name()
                                + (c.exitCode() == null ? " has no exit code" : " exited " + c.exitCode())
                                + (c.reason() == null ? "" : " (" + c.reason() + ")"))
                        .toList());
    }

    /** A task missing right after RunTask is eventual consistency; only after the grace period is it lost. */
    private static void missing(Round r, List<TaskResult> tasks, Failure failure) {
        TaskRunHandle handle = r.b.build();
        if (r.now.isBefore(handle.launchedAt().plus(DescribeCadence.MISSING_GRACE))) {
            return;
        }
        TaskResult lost = new TaskResult(
                failure.arn(),
                "MISSING",
                null,
                "DescribeTasks still reports it " + failure.reason() + " "
                        + DescribeCadence.human(DescribeCadence.MISSING_GRACE) + " or more after RunTask (stopped"
                        + " tasks stay visible for at least an hour)",
                null,
                null,
                List.of());
        update(r, tasks, lost);
    }

    private void readLogs(Round r) {
        TaskRunHandle handle = r.b.build();
        boolean draining = handle.phase() == Phase.DRAINING;
        List<LogCursor> cursors = new ArrayList<>();
        boolean unavailable = false;
        for (LogCursor cursor : handle.logCursors()) {
            boolean skip =
                    unavailable || !cursor.isDue(r.now) || (draining && cursor.isDrainedAfter(handle.allStoppedAt()));
            LogCursor next = skip ? cursor : read(r, cursor, draining);
            unavailable |= next.state() == LogCursor.State.GAVE_UP && r.logsUnavailable;
            cursors.add(next);
        }
        if (unavailable) {
            // No CloudWatch Logs at this endpoint: every stream stops at once, so the gap is reported once.
            cursors = cursors.stream()
                    .map(c -> c.state() == LogCursor.State.GAVE_UP ? c : stopped(c, r.now))
                    .toList();
        }
        r.b.logCursors(cursors);
    }

    private LogCursor read(Round r, LogCursor cursor, boolean draining) {
        LogRead read = streamer.read(cursor, r.now);
        for (LogLine line : read.lines()) {
            r.line(line);
        }
        if (read.problem() != null) {
            boolean gaveUp = read.cursor().state() == LogCursor.State.GAVE_UP;
            r.logsUnavailable |= gaveUp && read.problem().startsWith(TaskLogStreamer.LOGS_UNAVAILABLE);
            r.emit(new ProgressEvent(
                    r.now,
                    gaveUp ? ProgressEvent.Severity.WARNING : ProgressEvent.Severity.DEBUG,
                    EventKinds.TASK_LOG,
                    read.problem(),
                    null));
        }
        boolean more = read.cursor().state() == LogCursor.State.READING;
        // While draining, a stream with lines left is read again at once: the run is over, only the logs remain.
        return draining && more ? read.cursor().dueAt(r.now) : read.cursor();
    }

    private static LogCursor stopped(LogCursor cursor, java.time.Instant now) {
        return new LogCursor(
                cursor.stream(),
                cursor.forwardToken(),
                cursor.delivered(),
                LogCursor.State.GAVE_UP,
                now,
                cursor.interval(),
                now);
    }

    private void advance(Round r) {
        TaskRunHandle handle = r.b.build();
        if (handle.phase() == Phase.DRAINING) {
            finishDrain(r, handle);
            return;
        }
        boolean allFinal = handle.tasks().stream().allMatch(TaskFollower::isFinal);
        if (allFinal) {
            r.b.phase(Phase.DRAINING).allStoppedAt(r.now);
            r.b.logCursors(handle.logCursors().stream().map(c -> c.dueAt(r.now)).toList());
            return;
        }
        boolean fireAndForget = handle.phase() == Phase.FOLLOWING && handle.waitMode() == WaitMode.UNTIL_RUNNING;
        if (fireAndForget && handle.tasks().stream().allMatch(t -> t.isRunning() || isFinal(t))) {
            r.done();
        } else if (handle.phase() == Phase.STOPPING
                && !r.now.isBefore(handle.stopRequestedAt().plus(DescribeCadence.STOP_GRACE))) {
            r.warn(
                    EventKinds.TASK_STOP,
                    "tasks did not stop within " + DescribeCadence.human(DescribeCadence.STOP_GRACE)
                            + " of StopTask; reporting what is known");
            r.b.phase(Phase.DRAINING).allStoppedAt(r.now);
        }
    }

    private static void finishDrain(Round r, TaskRunHandle handle) {
        List<LogCursor> open = handle.logCursors().stream()
                .filter(c -> !c.isDrainedAfter(handle.allStoppedAt()))
                .toList();
        if (open.isEmpty()) {
            r.done();
        } else if (!r.now.isBefore(handle.allStoppedAt().plus(DescribeCadence.DRAIN_LIMIT))) {
            open.forEach(c -> r.warn(
                    EventKinds.TASK_LOG,
                    "log stream " + c.stream() + " may be incomplete: it could not be"
                            + " read to its end within " + DescribeCadence.human(DescribeCadence.DRAIN_LIMIT)
                            + " after the task stopped"));
            r.done();
        }
    }

    static boolean isFinal(TaskResult task) {
        return task.isStopped() || "MISSING".equals(task.lastStatus());
    }

    private static boolean transientError(AwsServiceException e) {
        return e.isThrottlingException() || e.statusCode() >= 500;
    }

    private static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
    }

    private static String failure(Failure failure) {
        return (failure.arn() == null ? "" : failure.arn() + ": ")
                + failure.reason()
                + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_STOP_REASON ? reason : reason.substring(0, MAX_STOP_REASON);
    }

    /** The working state of one poll round. */
    private static final class Round {
        final TaskRunHandle.Builder b;
        final InstantSource clock;
        final Instant now;
        final List<ProgressEvent> events = new ArrayList<>();
        Instant retryAt;
        boolean logsUnavailable;

        Round(TaskRunHandle handle, InstantSource clock) {
            this.b = handle.toBuilder();
            this.clock = clock;
            this.now = clock.instant();
        }

        void emit(ProgressEvent event) {
            events.add(event);
        }

        void warn(String kind, String message) {
            emit(ProgressEvent.warning(now, kind, message));
        }

        void error(String kind, String message) {
            emit(ProgressEvent.error(now, kind, message));
        }

        void line(LogLine line) {
            emit(new ProgressEvent(
                            line.timestamp(), ProgressEvent.Severity.INFO, EventKinds.TASK_LOG, line.message(), null)
                    .withAttribute("container", line.stream().containerName())
                    .withAttribute("taskId", line.stream().taskId())
                    .withAttribute("stream", line.stream().streamName())
                    .withAttribute("sequence", Long.toString(line.sequence())));
        }

        void done() {
            b.phase(Phase.DONE);
            TaskRunResult result = TaskVerdict.judge(b.build());
            b.result(result);
            ProgressEvent.Severity severity =
                    result.succeeded() ? ProgressEvent.Severity.INFO : ProgressEvent.Severity.ERROR;
            emit(new ProgressEvent(now, severity, EventKinds.TASK_RESULT, result.message(), null)
                    .withAttribute("status", result.status().name()));
        }

        OperationPoll<TaskRunHandle, TaskRunResult> finish() {
            TaskRunHandle handle = b.build();
            // Counted from the end of the round, so time spent in AWS calls does not delay the next one.
            Duration wait = Duration.between(clock.instant(), nextPollAt(handle));
            return new OperationPoll<>(handle, events, wait, Optional.empty(), handle.result());
        }

        private Instant nextPollAt(TaskRunHandle handle) {
            Instant next = switch (handle.phase()) {
                case DONE -> now;
                case PREPARED -> retryAt != null ? retryAt : now;
                case FOLLOWING -> earliest(handle, Stream.of(handle.nextDescribeAt(), handle.deadline()));
                case STOPPING ->
                    earliest(
                            handle,
                            Stream.of(
                                    handle.nextDescribeAt(),
                                    handle.stopRequestedAt().plus(DescribeCadence.STOP_GRACE)));
                case DRAINING ->
                    earliest(handle, Stream.of(handle.allStoppedAt().plus(DescribeCadence.DRAIN_LIMIT)));
            };
            return next.isBefore(now) ? now : next;
        }

        private Instant earliest(TaskRunHandle handle, Stream<Instant> others) {
            boolean draining = handle.phase() == Phase.DRAINING;
            Stream<Instant> logs = handle.logCursors().stream()
                    .filter(c -> c.state() != LogCursor.State.GAVE_UP)
                    .filter(c -> !draining || !c.isDrainedAfter(handle.allStoppedAt()))
                    .map(LogCursor::nextReadAt);
            return Stream.concat(others, logs).min(Instant::compareTo).orElse(now);
        }
    }
}
