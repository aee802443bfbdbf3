package dev.ecsdeploy.core.task.internal;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.logs.LogReadCadence;
import dev.ecsdeploy.core.logs.TaskLogStreamer;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.OperationPoll;
import dev.ecsdeploy.core.task.*;
import java.time.InstantSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** The {@link EcsTaskRunner} over SDK clients from {@link AwsClients}; the poll rounds live in {@link TaskFollower}. */
public final class DefaultEcsTaskRunner implements EcsTaskRunner {
    private final InstantSource clock;
    private final TaskRunPreparer preparer;
    private final TaskFollower follower;

    public DefaultEcsTaskRunner(
            AwsClients clients, AwsConnection connection, InstantSource clock, LogReadCadence logCadence) {
        this.clock = clock;
        EcsClient ecs = clients.ecs(connection);
        this.preparer =
                new TaskRunPreparer(ecs, connection, new DerivedRevisions(ecs, clients, connection, clock), clock);
        TaskLogStreamer streamer =
                new TaskLogStreamer(region -> clients.logs(connection.withRegion(Region.of(region))), logCadence);
        this.follower = new TaskFollower(ecs, streamer, logCadence);
    }

    @Override
    public TaskRunHandle start(TaskRunRequest request, ProgressListener listener) {
        return preparer.prepare(request, listener);
    }

    @Override
    public OperationPoll<TaskRunHandle, TaskRunResult> poll(TaskRunHandle handle, Decision decision) {
        return follower.poll(handle, clock);
    }

    @Override
    public OperationPoll<TaskRunHandle, TaskRunResult> abort(TaskRunHandle handle, String abortedBy) {
        return follower.abort(handle, abortedBy, clock);
    }
}
