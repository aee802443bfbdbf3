package dev.ecsdeploy.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and writes the snapshot file; a missing or unreadable snapshot is simply not used. */
final class SnapshotFile {
    /**
     * A snapshot as read.
     *
     * @param snapshot the snapshot
     * @param bytes the size of its file
     */
    record Loaded(Snapshot snapshot, long bytes) {}

    private SnapshotFile() {}

    static Optional<Loaded> read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(new Loaded(HistoryJson.mapper().readValue(bytes, Snapshot.class), bytes.length));
        } catch (IOException | RuntimeException e) {
            // The snapshot is only a cache of the journal: without it, the query reads the journal.
            return Optional.empty();
        }
    }

    static void write(Path file, Snapshot snapshot) throws IOException {
        JournalRewrite.replace(file, HistoryJson.toJsonBytes(snapshot));
    }
}
