package dev.ecsdeploy.core.deploy.codedeploy;

import dev.ecsdeploy.core.aws.AwsClients;
import dev.ecsdeploy.core.aws.AwsConnection;
import dev.ecsdeploy.core.deploy.DeploymentPlan;
import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.deploy.internal.CodeDeployEngine;
import dev.ecsdeploy.core.operation.LongOperation;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Objects;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Deploys a new task definition to an ECS service with the CODE_DEPLOY deployment controller through a CodeDeploy
 * blue/green deployment, and follows it to a verdict.
 *
 * <p>{@link #start} validates everything (the service's controller, the deployment group, the deployment config,
 * the container), registers the task definition and returns a handle; the first {@link #poll} creates the
 * deployment with an AppSpec, later rounds report lifecycle events and traffic shifts. The deployment group's ready
 * wait ({@code deploymentReadyOption}) is a {@link dev.ecsdeploy.core.operation.DecisionPoint} at stage
 * {@value #READY_WAIT}: CONTINUE sends ContinueDeployment, ROLLBACK sends StopDeployment with auto-rollback.
 *
 * <pre>{@code
 * CodeDeployDeployments deployments = CodeDeployDeployments.builder().clients(clients).connection(connection).build();
 * DeploymentRecord outcome = deployments.await(deployments.start(request, listener), listener,
 *         DecisionPolicy.always(Decision.CONTINUE), Sleeper.REAL);
 * }</pre>
 */
public interface CodeDeployDeployments extends LongOperation<CodeDeployRequest, CodeDeployHandle, DeploymentRecord> {
    /** The decision point's stage while CodeDeploy waits in its Ready state. */
    String READY_WAIT = "READY_WAIT";

    /** The engine, obtained the way every engine in core is: a builder with clients, a connection and a clock. */
    static Builder builder() {
        return new Builder();
    }

    /** What {@link #start} would do, with no mutation: the dry run. */
    DeploymentPlan plan(CodeDeployRequest request);

    /**
     * Settings for {@link CodeDeployDeployments}, named as {@link dev.ecsdeploy.core.deploy.DeploymentEngine}'s: either
     * {@link #clients} and {@link #connection}, or the SDK clients themselves ({@link #ecs}, {@link #ecr},
     * {@link #codeDeploy}).
     */
    final class Builder {
        private AwsClients clients;
        private AwsConnection connection;
        private EcsClient ecs;
        private EcrClient ecr;
        private CodeDeployClient codeDeploy;
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

        /** A CodeDeploy client to use instead of one from {@link #clients}. */
        public Builder codeDeploy(CodeDeployClient codeDeploy) {
            this.codeDeploy = codeDeploy;
            return this;
        }

        /** The clock that schedules polls and deadlines; tests pass the emulator's. */
        public Builder clock(InstantSource clock) {
            this.clock = clock;
            return this;
        }

        public CodeDeployDeployments build() {
            return new CodeDeployEngine(
                    ecs != null ? ecs : fromClients().ecs(connection),
                    ecr != null ? ecr : fromClients().ecr(connection),
                    codeDeploy != null ? codeDeploy : fromClients().codeDeploy(connection),
                    clock.withZone(ZoneOffset.UTC));
        }

        private AwsClients fromClients() {
            Objects.requireNonNull(clients, "clients (or the ecs, ecr and codeDeploy clients)");
            Objects.requireNonNull(connection, "connection");
            return clients;
        }
    }
}
