package dev.ecsdeploy.core.task;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.logs.LogReadCadence;
import dev.ecsdeploy.core.logs.TaskLogStreamer;
import java.time.Duration;
import java.time.InstantSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The {@link EcsTaskRunner} over SDK clients from {@link AwsClients}; the poll rounds live in {@link TaskFollower}. */
final class DefaultEcsTaskRunner implements EcsTaskRunner {
    private final InstantSource clock;
    private final Sleeper sleeper;
    private final TaskRunPreparer preparer;
    private final TaskFollower follower;

    DefaultEcsTaskRunner(
            AwsClients clients,
            AwsConnection connection,
            InstantSource clock,
            Sleeper sleeper,
            LogReadCadence logCadence) {
        this.clock = clock;
        this.sleeper = sleeper;
        EcsClient ecs = clients.ecs(connection);
        this.preparer =
                new TaskRunPreparer(ecs, connection, new DerivedRevisions(ecs, clients, connection, clock), clock);
        TaskLogStreamer streamer =
                new TaskLogStreamer(region -> clients.logs(connection.withRegion(Region.of(region))), logCadence);
        this.follower = new TaskFollower(ecs, streamer, logCadence);
    }

    @Override
    public TaskRunHandle prepare(TaskRunRequest request, ProgressListener listener) {
        return preparer.prepare(request, listener);
    }

    @Override
    public TaskRunHandle start(TaskRunRequest request, ProgressListener listener) {
        return poll(prepare(request, listener), listener).handle();
    }

    @Override
    public TaskRunPoll poll(TaskRunHandle handle, ProgressListener listener) {
        return follower.poll(handle, listener, clock.instant());
    }

    @Override
    public TaskRunHandle stop(TaskRunHandle handle, String who, ProgressListener listener) {
        return follower.stop(handle, who, listener, clock.instant());
    }

    @Override
    public TaskRunResult runAndWait(TaskRunRequest request, ProgressListener listener) {
        return awaitCompletion(start(request, listener), listener);
    }

    @Override
    public TaskRunResult awaitCompletion(TaskRunHandle handle, ProgressListener listener) {
        TaskRunPoll poll = poll(handle, listener);
        boolean interrupted = false;
        while (!poll.done()) {
            Duration wait = Duration.between(clock.instant(), poll.nextPollAt());
            try {
                if (!wait.isNegative() && !wait.isZero()) {
                    sleeper.sleep(wait);
                }
            } catch (InterruptedException e) {
                // Stop the tasks rather than leave them running, then keep polling to collect exit codes and logs.
                interrupted = true;
                handle = stop(poll.handle(), "interruption of the waiting thread", listener);
                poll = poll(handle, listener);
                continue;
            }
            poll = poll(poll.handle(), listener);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return poll.result().orElseThrow();
    }
}
