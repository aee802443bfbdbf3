package dev.ecsdeploy.core.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What ran in every service as of a byte offset of the journal, so the "what runs now" query reads only what was
 * appended after it. The line that ends at the offset is fingerprinted, so a snapshot left behind by a compaction
 * that rewrote the journal, a truncation or a hand edit no longer matches and is ignored.
 *
 * @param schemaVersion the schema version of the snapshot file
 * @param journalOffset the offset just after the last line the snapshot covers
 * @param lastLineStart where that last line starts
 * @param lastLineSha256 the SHA-256 of that last line, newline included
 * @param services what ran as of the offset
 */
record Snapshot(
        int schemaVersion, long journalOffset, long lastLineStart, String lastLineSha256, List<ServiceState> services) {
    Snapshot {
        services = services == null ? List.of() : List.copyOf(services);
    }

    static Snapshot of(FileChannel journal, long lastLineStart, long offset, List<ServiceState> services)
            throws IOException {
        return new Snapshot(
                HistoryJson.SCHEMA_VERSION, offset, lastLineStart, sha256(journal, lastLineStart, offset), services);
    }

    /** Returns whether the journal still holds, at the same place, the line this snapshot ends with. */
    boolean matches(FileChannel journal, long journalSize) throws IOException {
        if (schemaVersion != HistoryJson.SCHEMA_VERSION || journalOffset > journalSize || lastLineStart < 0) {
            return false;
        }
        if (journalOffset - lastLineStart > 16 * 1024 * 1024 || journalOffset <= lastLineStart) {
            return false;
        }
        return lastLineSha256 != null
                && lastLineSha256.equals(sha256(journal, lastLineStart, journalOffset))
                && startsAfterNewline(journal);
    }

    /** Returns how many bytes {@link #matches} reads. */
    long fingerprintBytes() {
        return journalOffset - lastLineStart + 1;
    }

    private boolean startsAfterNewline(FileChannel journal) throws IOException {
        if (lastLineStart == 0) {
            return true;
        }
        ByteBuffer previous = ByteBuffer.allocate(1);
        return journal.read(previous, lastLineStart - 1) == 1 && previous.get(0) == '\n';
    }

    private static String sha256(FileChannel journal, long from, long to) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (to - from));
        while (bytes.hasRemaining() && journal.read(bytes, from + bytes.position()) > 0) {
            // keep reading until the whole line is in
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes.flip());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
