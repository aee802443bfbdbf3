package io.jenkins.plugins.ecsdeploy.exec.engines;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.DeploymentHandle;
import dev.ecsdeploy.core.deploy.DeploymentRequest;
import dev.ecsdeploy.core.deploy.PollResult;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.DecisionPoint;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's deployment engine behind the {@link LongOperation} contract. A thin adapter until core's engines implement
 * the contract themselves; it adds no logic beyond renaming.
 */
public final class DeploymentOperation
        implements LongOperation<DeploymentRequest, DeploymentHandle, DeploymentOutcome> {
    private final DeploymentEngine engine;
    private final Clock clock;

    public DeploymentOperation(DeploymentEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public DeploymentHandle start(DeploymentRequest request, ProgressListener listener) {
        return engine.start(request, listener);
    }

    /**
     * Starts a rollback: stops an in-flight deployment with rollback, or redeploys the last successful revision (or
     * {@code taskDefinitionArn}); the returned handle is followed like any deployment.
     */
    public DeploymentHandle rollback(String environment, String cluster, String service, String taskDefinitionArn) {
        return engine.rollback(environment, cluster, service, taskDefinitionArn);
    }

    @Override
    public OperationPoll<DeploymentHandle, DeploymentOutcome> poll(DeploymentHandle handle, Decision decision) {
        return convert(engine.poll(handle, decision), List.of());
    }

    @Override
    public OperationPoll<DeploymentHandle, DeploymentOutcome> abort(DeploymentHandle handle, String abortedBy) {
        ProgressEvent who = ProgressEvent.warning(
                clock.instant(), "deploy.abort", "aborting the deployment of " + handle.service() + ": " + abortedBy);
        return convert(engine.abort(handle), List.of(who));
    }

    private static OperationPoll<DeploymentHandle, DeploymentOutcome> convert(
            PollResult result, List<ProgressEvent> before) {
        List<ProgressEvent> events = new ArrayList<>(before);
        events.addAll(result.events());
        return new OperationPoll<>(
                result.handle(),
                events,
                result.nextPollIn(),
                result.awaiting().map(p -> new DecisionPoint(p.stage(), p.hookId(), p.expiresAt())),
                result.outcome().map(DeploymentOutcome::new));
    }
}
