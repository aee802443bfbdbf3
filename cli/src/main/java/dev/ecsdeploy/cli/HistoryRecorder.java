package dev.ecsdeploy.cli;

import dev.ecsdeploy.core.deploy.DeploymentRecord;
import dev.ecsdeploy.core.task.TaskRunResult;
import java.nio.file.Path;

/** Appends what a command did to the history store in {@code directory} (one store per directory). */
final class HistoryRecorder {
    private final Path directory;

    HistoryRecorder(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    void deployment(DeploymentRecord record) {}

    void build(
            String environment,
            dev.ecsdeploy.core.ecr.PushResult pushed,
            dev.ecsdeploy.core.ecr.scan.ScanResult scan) {}

    void task(String environment, String cluster, TaskRunResult result, java.time.Instant startedAt) {}
}
