package dev.ecsdeploy.core.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Replaces a file with new content so that readers see either the old or the new file, never a mix. */
final class JournalRewrite {
    /**
     * The journal as rewritten.
     *
     * @param size its size
     * @param lastLineStart where its last line starts, or -1 when it is empty
     */
    record Rewritten(long size, long lastLineStart) {}

    private JournalRewrite() {}

    static Rewritten replace(Path journal, List<HistoryEntry> entries) throws IOException {
        Path temporary = Files.createTempFile(journal.getParent(), "." + journal.getFileName(), ".tmp");
        try {
            long size = 0;
            long lastLineStart = -1;
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                for (HistoryEntry entry : entries) {
                    lastLineStart = size;
                    size += writeFully(channel, HistoryJson.toLine(entry));
                }
                channel.force(true);
            }
            moveAtomically(temporary, journal);
            return new Rewritten(size, lastLineStart);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static void replace(Path target, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                writeFully(channel, content);
                channel.force(true);
            }
            moveAtomically(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static int writeFully(FileChannel channel, byte[] bytes) throws IOException {
        var buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        return bytes.length;
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + target + " atomically on this file system: " + e.getMessage(), e);
        }
    }
}
