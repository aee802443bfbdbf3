package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentEngine;
import dev.ecsdeploy.core.deploy.codedeploy.CodeDeployDeployments;
import dev.ecsdeploy.core.operation.Sleeper;

/** Builds the deployment engine for a session: its clients and the session's clock. */
final class DeploymentEngines {
    private DeploymentEngines() {}

    static DeploymentEngine create(CliSession session) {
        return DeploymentEngine.builder()
                .clients(session.clients())
                .connection(session.connection())
                .clock(session.time())
                .build();
    }

    /** The engine for services with the CODE_DEPLOY deployment controller ({@code --strategy codedeploy}). */
    static CodeDeployDeployments codeDeploy(CliSession session) {
        return CodeDeployDeployments.builder()
                .clients(session.clients())
                .connection(session.connection())
                .clock(session.time())
                .build();
    }

    /** A sleeper that SIGINT or SIGTERM wakes, so the engine applies its abort action. */
    static Sleeper sleeper(CliSession session) {
        return Interrupts.sleeper(session.time());
    }
}
