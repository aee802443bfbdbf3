package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.event.ProgressListener;
import dev.ecsdeploy.core.history.HistoryJson.LineProblem;
import dev.ecsdeploy.core.history.HistoryJson.ParsedLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A history kept as append-only JSON lines in a directory: {@value #JOURNAL} holds one entry per line,
 * {@value #LOCK} serialises writers across processes, {@value #SNAPSHOT} lets "what runs now" skip what it has
 * already seen.
 *
 * <p>Appends take the lock, end a torn last line left by a crashed writer, and write every new line with one
 * {@code write} on a file opened for appending, so concurrent writers (threads or processes) lose nothing. Reads
 * take no lock: they stop at the journal's size when they start, and skip, with a warning event, lines they cannot
 * use (a torn last line, a corrupted line, a line of a newer schema) instead of failing.
 *
 * <pre>{@code
 * HistoryStore store = HistoryStore.open(Path.of(".ecsdeploy/history"), listener);
 * store.append(deployment);
 * List<ServiceState> now = store.currentServices().services();
 * }</pre>
 */
public final class HistoryStore {
    /** The journal's file name. */
    public static final String JOURNAL = "history.jsonl";
    /** The lock file's name. */
    public static final String LOCK = "history.lock";
    /** The snapshot's file name. */
    public static final String SNAPSHOT = "history-snapshot.json";
    /**
     * Where compaction keeps the journal's damaged lines (torn or corrupted writes), one JSON object per line with
     * the line's number, its byte offset, the problem and its text, so nothing recorded is ever dropped.
     */
    public static final String DAMAGED = "history.damaged.jsonl";
    /** The file of known-good marks, one JSON object per line. */
    public static final String KNOWN_GOOD = "known-good.jsonl";

    private static final int MAX_WARNINGS_PER_READ = 20;

    private final Path directory;
    private final ProgressListener listener;
    private final Clock clock;
    private final boolean syncOnAppend;
    private final long snapshotRefreshBytes;

    private HistoryStore(Builder builder) {
        this.directory = Objects.requireNonNull(builder.directory, "directory");
        this.listener = builder.listener;
        this.clock = builder.clock;
        this.syncOnAppend = builder.syncOnAppend;
        this.snapshotRefreshBytes = builder.snapshotRefreshBytes;
    }

    /** Returns a store in the directory (created on the first append) that reports warnings to the listener. */
    public static HistoryStore open(Path directory, ProgressListener listener) {
        return builder().directory(directory).progressListener(listener).build();
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the directory the store keeps its files in. */
    public Path directory() {
        return directory;
    }

    /** Returns the journal file. */
    public Path journalFile() {
        return directory.resolve(JOURNAL);
    }

    /** Records one entry. */
    public void append(HistoryEntry entry) {
        appendAll(List.of(entry));
    }

    /** Records entries, in order, as one write: either all of them reach the journal or, on a crash, a torn tail. */
    public void appendAll(List<? extends HistoryEntry> entries) {
        var lines = new ByteArrayOutputStream();
        entries.forEach(entry -> lines.writeBytes(HistoryJson.toLine(entry)));
        try {
            Files.createDirectories(directory);
            boolean repaired;
            try (var lock = StoreLock.acquire(directory.resolve(LOCK))) {
                repaired = writeLocked(lines.toByteArray());
            }
            if (repaired) { // told after unlocking, so a listener that records something cannot deadlock us
                warn(
                        EventKinds.HISTORY_TORN_LINE_REPAIRED,
                        journalFile() + ": the last line was incomplete (an interrupted"
                                + " write); ended it so the new entry starts on a line of its own");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "history entry not recorded: could not write " + journalFile() + ": " + e.getMessage(), e);
        }
    }

    /** Returns every entry recorded, updates included, in the order they were recorded. */
    public List<HistoryEntry> readAll() {
        var entries = new ArrayList<HistoryEntry>();
        scan(0, new Reporter(), entries::add);
        return entries;
    }

    /** Returns the history: the newest snapshot of every build, deployment and task. */
    public History history() {
        return History.of(readAll());
    }

    /**
     * Returns what runs now in every (environment, service), reading only the journal's tail.
     *
     * <p>It starts from the snapshot when it still matches the journal and reads only the lines appended after
     * it; without one it reads the whole journal once. When the tail it read was longer than the refresh
     * threshold it writes a new snapshot, so the next query reads at most about that threshold plus the entries
     * appended in between, whatever the journal's size. Compaction also writes a snapshot.
     */
    public CurrentServices currentServices() {
        Path journal = journalFile();
        if (!Files.exists(journal)) {
            return new CurrentServices(List.of(), 0, 0, false);
        }
        try (var channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            return currentServices(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("history not read: " + journal + ": " + e.getMessage(), e);
        }
    }

    private CurrentServices currentServices(FileChannel channel) throws IOException {
        long size = channel.size();
        var states = new ServiceStates();
        var snapshot = SnapshotFile.read(directory.resolve(SNAPSHOT));
        boolean usable = snapshot.isPresent() && snapshot.get().snapshot().matches(channel, size);
        long start = usable ? snapshot.get().snapshot().journalOffset() : 0;
        long bytesRead =
                usable ? snapshot.get().bytes() + snapshot.get().snapshot().fingerprintBytes() : 0;
        if (usable) {
            states.seed(snapshot.get().snapshot().services());
        }
        var tail =
                scan(channel, start, size, new Reporter(), EntryKind.DEPLOYMENT, (entry, line) -> states.accept(entry));
        var services = states.result();
        if (tail.completeEnd() - start > snapshotRefreshBytes && tail.lastLineStart() >= 0) {
            refreshSnapshot(channel, tail.lastLineStart(), tail.completeEnd(), services);
        }
        return new CurrentServices(services, bytesRead + size - start, size, usable);
    }

    /**
     * Rewrites the journal with only the newest snapshot of every build, deployment and task, in the order they
     * were last recorded, and moves lines that are not JSON (torn or corrupted writes) to {@value #DAMAGED}, so
     * nothing is lost. Superseded updates (an in-progress deployment later
     * recorded as finished) disappear; every operation stays. Runs under the lock, writes a temporary file and
     * moves it over the journal atomically, so readers see either the old or the new journal.
     *
     * @throws IllegalStateException when the journal holds lines this version cannot read (a newer schema), which
     *     compaction would otherwise destroy
     */
    public CompactionResult compact() {
        return compact(RetentionPolicy.keepAll());
    }

    /**
     * Compacts like {@link #compact()} and also drops entries the policy does not keep; what runs now and the latest
     * attempt of every target always stay.
     */
    public CompactionResult compact(RetentionPolicy retention) {
        Path journal = journalFile();
        try {
            Files.createDirectories(directory);
            var kept = new ArrayList<DamagedLine>();
            CompactionResult result;
            try (var lock = StoreLock.acquire(directory.resolve(LOCK))) {
                result = Files.exists(journal)
                        ? compactLocked(journal, retention, kept)
                        : new CompactionResult(0, 0, 0, 0, 0);
            }
            reportKept(kept); // after unlocking, as for appends: a listener that records something cannot deadlock us
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("history not compacted: " + journal + ": " + e.getMessage(), e);
        }
    }

    private CompactionResult compactLocked(Path journal, RetentionPolicy retention, List<DamagedLine> kept)
            throws IOException {
        var reporter = new Reporter();
        reporter.keepLines = true;
        var entries = new ArrayList<HistoryEntry>();
        long bytesBefore;
        try (var channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            bytesBefore = channel.size();
            scan(channel, 0, bytesBefore, reporter, null, (entry, start) -> entries.add(entry));
        }
        if (reporter.unreadable > 0) {
            throw new IllegalStateException("history not compacted: " + journal + " holds " + reporter.unreadable
                    + " entries this version cannot read (" + reporter.firstUnreadable
                    + "); compact it with the newer ecs-deploy that wrote them");
        }
        var history = History.of(retention.apply(History.of(entries), clock.instant()));
        keepDamaged(reporter.damaged);
        kept.addAll(reporter.damaged);
        var rewritten = rewriteLocked(journal, history);
        int lines = entries.size() + reporter.dropped;
        return new CompactionResult(lines, history.entries().size(), reporter.dropped, bytesBefore, rewritten.size());
    }

    /** Appends the damaged lines to {@value #DAMAGED} (forced to disk) before the journal that holds them is replaced. */
    private void keepDamaged(List<DamagedLine> damaged) throws IOException {
        if (damaged.isEmpty()) {
            return;
        }
        Path file = directory.resolve(DAMAGED);
        var lines = new ByteArrayOutputStream();
        for (DamagedLine line : damaged) {
            lines.writeBytes(HistoryJson.toJsonBytes(line.keptAside(JOURNAL, clock.instant())));
            lines.write('\n');
        }
        try (var channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            var buffer = ByteBuffer.wrap(lines.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    private void reportKept(List<DamagedLine> kept) {
        if (kept.isEmpty()) {
            return;
        }
        String lines = kept.stream()
                .map(line -> String.valueOf(line.number()))
                .collect(java.util.stream.Collectors.joining(", "));
        warn(
                EventKinds.HISTORY_DAMAGED_LINES_KEPT,
                journalFile() + ": compaction moved " + kept.size() + " damaged line(s) (lines " + lines + ") to "
                        + directory.resolve(DAMAGED));
    }

    /**
     * Replaces the store's content with the entries, as when the store was lost or damaged and the builds' own
     * records are all that is left; emits a {@code history.rebuilt} warning saying so. Only the newest state of each
     * operation is kept, in the order given.
     */
    public void rebuild(List<? extends HistoryEntry> entries, String why) {
        Path journal = journalFile();
        var history = History.of(entries);
        try {
            Files.createDirectories(directory);
            try (var lock = StoreLock.acquire(directory.resolve(LOCK))) {
                rewriteLocked(journal, history);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("history not rebuilt: " + journal + ": " + e.getMessage(), e);
        }
        warn(
                EventKinds.HISTORY_REBUILT,
                journal + ": rebuilt the history from " + history.entries().size() + " recorded operations (" + why
                        + ")");
    }

    /** Records a known-good mark (an append; the deployment itself is not rewritten). */
    public void markKnownGood(KnownGoodMark mark) {
        Path file = directory.resolve(KNOWN_GOOD);
        try {
            Files.createDirectories(directory);
            try (var lock = StoreLock.acquire(directory.resolve(LOCK))) {
                byte[] json = HistoryJson.toJsonBytes(mark);
                byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
                line[json.length] = '\n';
                Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("known-good mark not recorded: " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns every known-good mark, oldest first; lines that cannot be read are skipped. */
    public List<KnownGoodMark> knownGoodMarks() {
        Path file = directory.resolve(KNOWN_GOOD);
        if (!Files.exists(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank())
                    .map(HistoryStore::readMark)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("known-good marks not read: " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the newest known-good mark of the target, if any. */
    public java.util.Optional<KnownGoodMark> lastKnownGood(DeploymentTarget target) {
        var marks = knownGoodMarks();
        for (int i = marks.size() - 1; i >= 0; i--) {
            if (marks.get(i).target().key().equals(target.key())) {
                return java.util.Optional.of(marks.get(i));
            }
        }
        return java.util.Optional.empty();
    }

    private static KnownGoodMark readMark(String line) {
        try {
            return HistoryJson.mapper().readValue(line, KnownGoodMark.class);
        } catch (IOException | RuntimeException e) {
            return null; // a torn mark is a mark not made
        }
    }

    private JournalRewrite.Rewritten rewriteLocked(Path journal, History history) throws IOException {
        var rewritten = JournalRewrite.replace(journal, history.entries());
        Path snapshot = directory.resolve(SNAPSHOT);
        if (rewritten.lastLineStart() < 0) {
            Files.deleteIfExists(snapshot);
        } else {
            try (var channel = FileChannel.open(journal, StandardOpenOption.READ)) {
                var fresh = Snapshot.of(channel, rewritten.lastLineStart(), rewritten.size(), history.current());
                SnapshotFile.write(snapshot, fresh);
            }
        }
        return rewritten;
    }

    /** Appends the lines and returns whether a torn last line had to be ended first. */
    private boolean writeLocked(byte[] lines) throws IOException {
        Path journal = journalFile();
        boolean repair = endsWithTornLine(journal);
        var buffer = ByteBuffer.allocate(lines.length + (repair ? 1 : 0));
        if (repair) {
            buffer.put((byte) '\n');
        }
        buffer.put(lines).flip();
        try (var channel = FileChannel.open(
                journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (syncOnAppend) {
                channel.force(false);
            }
        }
        return repair;
    }

    private static boolean endsWithTornLine(Path journal) throws IOException {
        if (!Files.exists(journal)) {
            return false;
        }
        try (var channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            long size = channel.size();
            var last = ByteBuffer.allocate(1);
            return size > 0 && channel.read(last, size - 1) == 1 && last.get(0) != '\n';
        }
    }

    private void refreshSnapshot(FileChannel read, long lastLineStart, long offset, List<ServiceState> services)
            throws IOException {
        // Fingerprint the line as we read it; a compaction since then rewrote the journal and the check fails.
        var candidate = Snapshot.of(read, lastLineStart, offset, services);
        try (var lock = StoreLock.acquire(directory.resolve(LOCK));
                var journal = FileChannel.open(journalFile(), StandardOpenOption.READ)) {
            if (candidate.matches(journal, journal.size())) {
                SnapshotFile.write(directory.resolve(SNAPSHOT), candidate);
            }
        }
    }

    @FunctionalInterface
    private interface EntrySink {
        void entry(HistoryEntry entry, long lineStart);
    }

    private void scan(long from, Reporter reporter, java.util.function.Consumer<HistoryEntry> sink) {
        Path journal = journalFile();
        if (!Files.exists(journal)) {
            return;
        }
        try (var channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            scan(channel, from, channel.size(), reporter, null, (entry, start) -> sink.accept(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("history not read: " + journal + ": " + e.getMessage(), e);
        }
    }

    /** Reads entries in {@code [from, to)}; with {@code only} set, skips lines that plainly hold another kind. */
    private JournalReader.Tail scan(
            FileChannel channel, long from, long to, Reporter reporter, EntryKind only, EntrySink sink)
            throws IOException {
        reporter.from = from;
        var tail = JournalReader.read(channel, from, to, (bytes, offset, length, start, number) -> {
            EntryKind kind = only == null ? null : HistoryJson.kindOf(bytes, offset, length);
            if (kind != null && kind != only) {
                return;
            }
            ParsedLine parsed = HistoryJson.parseLine(bytes, offset, length);
            if (parsed.entry() != null) {
                sink.entry(parsed.entry(), start);
            } else {
                reporter.skipped(new DamagedLine(number, start, parsed, bytes, offset, length));
            }
        });
        // A line without its newline is either being written right now (the journal grew since we started) or
        // was torn by a writer that died; only the second deserves a warning.
        if (tail.incompleteBytes() > 0 && channel.size() <= to) {
            var torn = ByteBuffer.allocate(tail.incompleteBytes());
            channel.read(torn, tail.completeEnd());
            reporter.torn(tail.completeEnd(), tail.lines() + 1, torn.array());
        }
        reporter.summarise();
        return tail;
    }

    private void warn(String kind, String message) {
        listener.onEvent(ProgressEvent.warning(clock.instant(), kind, message)
                .withAttribute("journal", journalFile().toString()));
    }

    /** Counts and reports the lines a read skipped, without flooding the listener; keeps the damaged ones. */
    private final class Reporter {
        private long from;
        private boolean keepLines;
        private int warnings;
        private int dropped;
        private int unreadable;
        private String firstUnreadable;
        private final List<DamagedLine> damaged = new ArrayList<>();

        void skipped(DamagedLine line) {
            if (line.parsed().problem() == LineProblem.NOT_JSON) {
                dropped++;
                keep(line);
            } else {
                unreadable++;
                firstUnreadable = firstUnreadable == null ? line.parsed().description() : firstUnreadable;
            }
            report(
                    EventKinds.HISTORY_SKIPPED_LINE,
                    journalFile() + ": skipped " + where(line.number(), line.start()) + ": "
                            + line.parsed().description() + " (the line stays in the journal)");
        }

        void torn(long start, long number, byte[] bytes) {
            dropped++;
            keep(new DamagedLine(
                    number,
                    start,
                    new ParsedLine(null, LineProblem.NOT_JSON, "incomplete last line (an interrupted write)"),
                    bytes,
                    0,
                    bytes.length));
            report(
                    EventKinds.HISTORY_TORN_LINE,
                    journalFile() + ": skipped the incomplete last line, " + where(number, start) + " (" + bytes.length
                            + " bytes without a newline, an interrupted write)");
        }

        /** Only compaction, which replaces the journal, needs the damaged lines' bytes; reads leave them in place. */
        private void keep(DamagedLine line) {
            if (keepLines) {
                damaged.add(line);
            }
        }

        /** The line's number when the read started at the journal's start (else it is unknown), and its offset. */
        private String where(long number, long start) {
            return from == 0 ? "line " + number + " (byte " + start + ")" : "the line at byte " + start;
        }

        void summarise() {
            if (warnings > MAX_WARNINGS_PER_READ) {
                warn(
                        EventKinds.HISTORY_SKIPPED_LINE,
                        journalFile() + ": skipped " + (dropped + unreadable) + " unusable lines in all; the first "
                                + MAX_WARNINGS_PER_READ + " are listed above");
            }
        }

        private void report(String kind, String message) {
            if (++warnings <= MAX_WARNINGS_PER_READ) {
                warn(kind, message);
            }
        }
    }

    /** Builds a {@link HistoryStore}; only the directory is required. */
    public static final class Builder {
        private Path directory;
        private ProgressListener listener = ProgressListener.NONE;
        private Clock clock = Clock.systemUTC();
        private boolean syncOnAppend = true;
        private long snapshotRefreshBytes = 1024 * 1024;

        private Builder() {}

        /** Sets the directory holding the journal, the lock and the snapshot. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Sets who hears about skipped and repaired lines. */
        public Builder progressListener(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Sets the clock that stamps warning events. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets whether each append is forced to disk before the lock is released (default true). Without it an
         * append survives a crash of the process but maybe not of the machine.
         */
        public Builder syncOnAppend(boolean syncOnAppend) {
            this.syncOnAppend = syncOnAppend;
            return this;
        }

        /** Sets how many journal bytes a "what runs now" query may read past the snapshot before it refreshes it. */
        public Builder snapshotRefreshBytes(long snapshotRefreshBytes) {
            this.snapshotRefreshBytes = snapshotRefreshBytes;
            return this;
        }

        public HistoryStore build() {
            return new HistoryStore(this);
        }
    }
}
