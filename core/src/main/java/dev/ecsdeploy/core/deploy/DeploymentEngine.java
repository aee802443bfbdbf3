package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.deploy.PollResult.DecisionPoint;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.internal.DefaultDeploymentEngine;
import dev.ecsdeploy.core.operation.Decision;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Deploys a new task definition to an ECS service and follows the deployment to a verdict that is never a failure
 * reported as success.
 *
 * <p>Long waits are split so they survive restarts: {@link #start} validates everything, registers the task
 * definition and returns a small serializable {@link DeploymentHandle}; {@link #poll} does one step (UpdateService
 * when due, then one describe call) and returns new events, the next handle, when to poll again and, at the end, the
 * {@link DeploymentRecord}. A fresh engine resumes from any persisted handle with no repeated mutation.
 *
 * <pre>{@code
 * DeploymentEngine engine = DeploymentEngine.create(ecs, ecr);
 * DeploymentRecord record = engine.deploy(request, listener, DecisionPolicy.always(Decision.CONTINUE), Sleeper.REAL);
 * }</pre>
 */
public interface DeploymentEngine {
    static DeploymentEngine create(EcsClient ecs, EcrClient ecr) {
        return new DefaultDeploymentEngine(ecs, ecr, Clock.systemUTC());
    }

    /** An engine reading time from {@code clock} (tests pass the emulator's clock). */
    static DeploymentEngine create(EcsClient ecs, EcrClient ecr, Clock clock) {
        return new DefaultDeploymentEngine(ecs, ecr, clock);
    }

    /** Computes what {@link #start} would do, with no mutation: the dry run. */
    DeploymentPlan plan(DeploymentRequest request);

    /**
     * Validates the request, registers the new task definition (unless an existing ARN is deployed) and returns the
     * handle. Bad input fails here, before any mutation, with {@link InvalidDeploymentException}.
     */
    DeploymentHandle start(DeploymentRequest request, ProgressListener listener);

    default DeploymentHandle start(DeploymentRequest request) {
        return start(request, ProgressListener.NONE);
    }

    /** One step of following the deployment. */
    default PollResult poll(DeploymentHandle handle) {
        return poll(handle, null);
    }

    /**
     * One step, answering a waiting PAUSE hook with {@code decision} (null for none). A decision is sent only while
     * the handle is {@link Phase#AWAITING_DECISION}.
     */
    PollResult poll(DeploymentHandle handle, Decision decision);

    /**
     * Aborts: with {@link DeploymentRequest.AbortAction#ROLLBACK} an in-flight deployment is stopped with rollback;
     * with LEAVE it carries on. The result always has an outcome (ABORTED). Calling it again is harmless.
     */
    PollResult abort(DeploymentHandle handle);

    /**
     * Rolls a service back: an in-flight deployment is stopped with rollback; otherwise the service is redeployed
     * with the task definition of the last SUCCESSFUL service deployment before the current one, or with
     * {@code taskDefinitionArn} when given.
     */
    DeploymentHandle rollback(String environment, String cluster, String service, String taskDefinitionArn);

    /** Polls until there is an outcome, reporting events and asking {@code decisions} at every PAUSE hook. */
    default DeploymentRecord await(
            DeploymentHandle handle, ProgressListener listener, DecisionPolicy decisions, Sleeper sleeper) {
        DeploymentHandle current = handle;
        Decision decision = null;
        while (true) {
            PollResult result = poll(current, decision);
            result.events().forEach(listener::onEvent);
            if (result.outcome().isPresent()) {
                return result.outcome().get();
            }
            current = result.handle();
            decision = result.awaiting().map(decisions::decide).orElse(null);
            if (decision == null) {
                sleeper.sleep(result.nextPollIn());
            }
        }
    }

    /** Starts and follows a deployment to its verdict: the blocking path for the CLI. */
    default DeploymentRecord deploy(
            DeploymentRequest request, ProgressListener listener, DecisionPolicy decisions, Sleeper sleeper) {
        return await(start(request, listener), listener, decisions, sleeper);
    }

    /** Answers PAUSE hooks for the blocking path; null means "not yet" (poll again later). */
    @FunctionalInterface
    interface DecisionPolicy {
        Decision decide(DecisionPoint point);

        static DecisionPolicy always(Decision decision) {
            return point -> decision;
        }
    }

    /** Waits between polls; tests advance an emulated clock instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the deployment", e);
            }
        };

        void sleep(Duration duration);
    }
}
