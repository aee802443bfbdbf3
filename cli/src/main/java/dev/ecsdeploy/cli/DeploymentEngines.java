package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;

/** Builds the deployment engine for a session: its clients and the session's clock. */
final class DeploymentEngines {
    private DeploymentEngines() {}

    static DeploymentEngine create(CliSession session) {
        return DeploymentEngine.create(
                session.clients().ecs(session.connection()),
                session.clients().ecr(session.connection()),
                session.time());
    }

    /** The engine for services with the CODE_DEPLOY deployment controller ({@code --strategy codedeploy}). */
    static CodeDeployDeployments codeDeploy(CliSession session) {
        return CodeDeployDeployments.create(
                session.clients().ecs(session.connection()),
                session.clients().ecr(session.connection()),
                session.clients().codeDeploy(session.connection()),
                session.time());
    }

    static DeploymentEngine.Sleeper sleeper(CliSession session) {
        return session.time()::sleepUninterruptibly;
    }
}
