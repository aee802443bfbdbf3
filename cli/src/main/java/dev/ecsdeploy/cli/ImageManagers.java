package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.ecr.EcrImageManager;

/** Builds the image manager for a session: its clients, the session's clock and progress. */
final class ImageManagers {
    private ImageManagers() {}

    static EcrImageManager create(CliSession session) {
        return EcrImageManager.builder()
                .clients(session.clients())
                .connection(session.connection())
                .progressListener(session.progress())
                .clock(session.time())
                .build();
    }
}
