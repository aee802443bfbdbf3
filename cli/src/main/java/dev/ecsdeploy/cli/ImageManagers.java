package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.ecr.EcrImageManager;
import dev.ecsdeploy.core.ecr.build.CommandRunner;
import dev.ecsdeploy.core.ecr.build.LocalCommandRunner;

/** Builds the image manager for a session: its clients, the session's clock and progress. */
final class ImageManagers {
    private ImageManagers() {}

    static EcrImageManager create(CliSession session) {
        return create(session, new LocalCommandRunner());
    }

    /** The image manager whose builders run through {@code runner}, e.g. with private directories in a run's own. */
    static EcrImageManager create(CliSession session, CommandRunner runner) {
        return EcrImageManager.builder()
                .commandRunner(runner)
                .clients(session.clients())
                .connection(session.connection())
                .progressListener(session.progress())
                .clock(session.time())
                .build();
    }
}
