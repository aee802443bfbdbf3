package dev.ecsdeploy.core.deploy;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.deploy.internal.DefaultDeploymentEngine;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.operation.Decision;
import dev.ecsdeploy.core.operation.LongOperation;
import dev.ecsdeploy.core.operation.OperationPoll;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Objects;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Deploys a new task definition to an ECS service and follows the deployment to a verdict that is never a failure
 * reported as success.
 *
 * <p>It is a {@link LongOperation}: {@link #start} validates everything, registers the task definition and returns a
 * small serializable {@link DeploymentHandle}; {@link #poll} does one step (UpdateService when due, then one describe
 * call) and returns new events, the next handle, when to poll again, the PAUSE hook awaited and, at the end, the
 * {@link DeploymentRecord}. A fresh engine resumes from any persisted handle with no repeated mutation.
 *
 * <pre>{@code
 * DeploymentEngine engine = DeploymentEngine.builder().clients(clients).connection(connection).build();
 * DeploymentRecord record = engine.run(request, listener, DecisionPolicy.always(Decision.CONTINUE), Sleeper.REAL);
 * }</pre>
 */
public interface DeploymentEngine extends LongOperation<DeploymentRequest, DeploymentHandle, DeploymentRecord> {
    static Builder builder() {
        return new Builder();
    }

    /** Computes what {@link #start} would do, with no mutation: the dry run. */
    DeploymentPlan plan(DeploymentRequest request);

    /**
     * Validates the request, registers the new task definition (unless an existing ARN is deployed) and returns the
     * handle. Bad input fails here, before any mutation, with {@link InvalidDeploymentException}.
     */
    @Override
    DeploymentHandle start(DeploymentRequest request, ProgressListener listener);

    /**
     * One step, answering a waiting PAUSE hook with {@code decision} (null for none). A decision is sent only while
     * the handle is {@link Phase#AWAITING_DECISION}.
     */
    @Override
    OperationPoll<DeploymentHandle, DeploymentRecord> poll(DeploymentHandle handle, Decision decision);

    /**
     * Aborts: with {@link DeploymentRequest.AbortAction#ROLLBACK} an in-flight deployment is stopped with rollback;
     * with LEAVE it carries on. The result always has an outcome (ABORTED). Calling it again is harmless.
     */
    @Override
    OperationPoll<DeploymentHandle, DeploymentRecord> abort(DeploymentHandle handle, String abortedBy);

    /**
     * Rolls a service back: an in-flight deployment is stopped with rollback; otherwise the service is redeployed
     * with the task definition of the last SUCCESSFUL service deployment before the current one, or with
     * {@code taskDefinitionArn} when given.
     */
    DeploymentHandle rollback(String environment, String cluster, String service, String taskDefinitionArn);

    /**
     * Settings for a {@link DeploymentEngine}: either {@link #clients} and {@link #connection}, or the SDK clients
     * themselves ({@link #ecs}, {@link #ecr}).
     */
    final class Builder {
        private AwsClients clients;
        private AwsConnection connection;
        private EcsClient ecs;
        private EcrClient ecr;
        private InstantSource clock = InstantSource.system();

        private Builder() {}

        /** The client factory; its clients are used, never closed. */
        public Builder clients(AwsClients clients) {
            this.clients = clients;
            return this;
        }

        /** The region, credentials and endpoint of the service. */
        public Builder connection(AwsConnection connection) {
            this.connection = connection;
            return this;
        }

        /** An ECS client to use instead of one from {@link #clients}. */
        public Builder ecs(EcsClient ecs) {
            this.ecs = ecs;
            return this;
        }

        /** An ECR client (to pin images by digest) to use instead of one from {@link #clients}. */
        public Builder ecr(EcrClient ecr) {
            this.ecr = ecr;
            return this;
        }

        /** The clock that schedules polls and deadlines; tests pass the emulator's. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        public DeploymentEngine build() {
            EcsClient ecsClient = ecs != null ? ecs : fromClients().ecs(connection);
            EcrClient ecrClient = ecr != null ? ecr : fromClients().ecr(connection);
            return new DefaultDeploymentEngine(ecsClient, ecrClient, clock.withZone(ZoneOffset.UTC));
        }

        private AwsClients fromClients() {
            Objects.requireNonNull(clients, "clients (or the ecs and ecr clients)");
            Objects.requireNonNull(connection, "connection");
            return clients;
        }
    }
}
