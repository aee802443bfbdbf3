package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.operation.OperationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A writer process for {@link HistoryStoreTest}: waits for a start file so all writers begin together, then appends
 * {@code count} deployments with ids {@code w<writer>-<n>}; every fiftieth carries events long enough to span pages.
 */
final class HistoryWriterMain {
    private HistoryWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int writer = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path start = Path.of(args[3]);
        // Forcing each line to disk guards against a machine crash, not against other writers; it only slows the race.
        var store =
                HistoryStore.builder().directory(directory).syncOnAppend(false).build();
        HistoryJson.toLine(entry(writer, -1)); // load and warm up Jackson before the race starts
        while (!Files.exists(start)) {
            Thread.sleep(5);
        }
        for (int n = 0; n < count; n++) {
            store.append(entry(writer, n));
        }
    }

    static DeploymentEntry entry(int writer, int n) {
        var builder = DeploymentEntry.builder()
                .id("w" + writer + "-" + n)
                .recordedAt(Instant.now())
                .environment("env-" + writer)
                .cluster("cluster-" + writer)
                .service("service-" + (n % 7))
                .status(OperationStatus.SUCCEEDED)
                .taskDefinitionArn("arn:aws:ecs:us-east-1:123456789012:task-definition/w" + writer + ":" + n)
                .addImage(new DeployedImage("app", "app:" + n, HistoryFixtures.digest((char) ('a' + writer))));
        if (n % 50 == 0) {
            builder.addEvent(new HistoryEvent(Instant.now(), ("writer " + writer + " entry " + n + " ").repeat(500)));
        }
        return builder.build();
    }
}
