package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.EcsDeployVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code ecsdeploy} command; each verb is its own class. */
@Command(
        name = "ecsdeploy",
        mixinStandardHelpOptions = true,
        versionProvider = EcsDeployCommand.Version.class,
        description = "Build images into Amazon ECR and deploy them to Amazon ECS.",
        subcommands = {
            BuildPushCommand.class,
            PromoteCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            RunTaskCommand.class,
            HistoryCommand.class,
            EmulatorCommand.class,
            DemoCommand.class
        })
final class EcsDeployCommand {
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ecsdeploy " + EcsDeployVersion.current()};
        }
    }
}
