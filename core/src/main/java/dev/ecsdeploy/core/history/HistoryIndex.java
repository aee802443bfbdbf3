package dev.ecsdeploy.core.history;

import dev.ecsdeploy.core.history.HistoryJson.ParsedLine;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A compact in-memory index of a {@link HistoryStore}'s deployments, so that a page reads from the journal only the
 * lines it shows.
 *
 * <p>Each deployment is one {@link Row}: where its newest line is in the journal, and the few fields pages sort and
 * filter by. Rows are kept sorted newest first globally, per job, per target and per environment; a page walks the
 * sorted rows of the jobs a user may read (a k-way merge over the per-job sets) and reads only the lines of the rows
 * it shows. {@link #refresh()} reads only what was appended since the last refresh, and starts over when the journal
 * was rewritten (compaction, rebuild), which the fingerprint of the last line it read detects.
 *
 * <p>Thread-safe: refreshes and queries synchronise on the index; line reads use positional reads.
 */
public final class HistoryIndex {
    /** Newest first: by time, then by the order of first recording. */
    private static final Comparator<Row> NEWEST_FIRST = Comparator.comparingLong(Row::sortTime)
            .thenComparingLong(Row::sequence)
            .reversed();

    private final HistoryStore store;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong linesRead = new AtomicLong();
    private final Map<String, Row> byId = new HashMap<>();
    private final NavigableSet<Row> all = new TreeSet<>(NEWEST_FIRST);
    private final Map<String, NavigableSet<Row>> byJob = new HashMap<>();
    private final Map<String, NavigableSet<Row>> byTarget = new HashMap<>();
    private final Map<String, TargetState> targets = new HashMap<>();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Map<String, LineRef> newestBuildOfDigest = new HashMap<>();
    private long indexedTo;
    private long lastLineStart = -1;
    private long sequence;
    private String fingerprint = "";
    private final Map<String, TreeSet<Long>> digestSequencesByApplication = new HashMap<>();

    private HistoryIndex(HistoryStore store) {
        this.store = store;
    }

    /** Returns an index of the store, built by reading its journal once. */
    public static HistoryIndex of(HistoryStore store) {
        var index = new HistoryIndex(store);
        index.refresh();
        return index;
    }

    /**
     * One deployment as the index knows it.
     *
     * @param id the deployment's id
     * @param offset where its newest line starts in the journal
     * @param length the line's length without its newline
     * @param sortTime when it started (epoch millis), the timeline's order
     * @param finishedAt when it ended (epoch millis), or 0 while it runs
     * @param sequence the order it was first recorded in
     * @param status its status
     * @param environment its environment
     * @param application its application (may be null)
     * @param job the job that recorded it, or null for the CLI
     * @param targetKey its {@link DeploymentTarget#key()}
     * @param digest the primary image's digest, or null
     * @param digestSequence when that digest first appeared in the history (smaller is older), or -1
     * @param rollback whether it went back to an older digest than the one running before (or was a rollback)
     * @param sourceCommittedAt when the commit it ships was made (epoch millis), or 0 when unknown
     */
    public record Row(
            String id,
            long offset,
            int length,
            long sortTime,
            long finishedAt,
            long sequence,
            OperationStatus status,
            String environment,
            String application,
            String job,
            String targetKey,
            String digest,
            long digestSequence,
            boolean rollback,
            long sourceCommittedAt) {}

    private record LineRef(long offset, int length) {}

    /** What runs in a target (the last success recorded) and its latest attempt (the newest start). */
    public record TargetState(Row running, Row latest) {}

    /** Returns how many bytes this index has read from the journal to serve pages (not counting refreshes). */
    public long pageBytesRead() {
        return bytesRead.get();
    }

    /** Returns how many journal lines this index has read to serve pages (not counting refreshes). */
    public long pageLinesRead() {
        return linesRead.get();
    }

    /** Returns the number of deployments indexed. */
    public synchronized int size() {
        return byId.size();
    }

    /** Reads what was appended since the last refresh, or everything again when the journal was rewritten. */
    public synchronized void refresh() {
        Path journal = store.journalFile();
        if (!Files.exists(journal)) {
            clear();
            return;
        }
        try (var channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            long size = channel.size();
            if (!stillExtends(channel, size)) {
                clear();
            }
            var tail = JournalReader.read(channel, indexedTo, size, this::indexLine);
            if (tail.lastLineStart() >= 0) {
                lastLineStart = tail.lastLineStart();
            }
            indexedTo = tail.completeEnd();
            fingerprint = lastLineStart < 0
                    ? ""
                    : Snapshot.of(channel, lastLineStart, indexedTo, List.of()).lastLineSha256();
        } catch (IOException e) {
            throw new UncheckedIOException("history index not refreshed: " + journal + ": " + e.getMessage(), e);
        }
    }

    /** Returns the jobs that recorded deployments (null stands for entries without a job, such as the CLI's). */
    public synchronized Set<String> jobs() {
        return java.util.Collections.unmodifiableSet(new java.util.HashSet<>(byJob.keySet()));
    }

    /** Returns the state of every target whose running or latest deployment passes the filter. */
    public synchronized Map<String, TargetState> targets() {
        return Map.copyOf(targets);
    }

    /**
     * Returns up to {@code limit} rows, newest first, of the readable jobs that pass the filter, after skipping
     * {@code skip} of them. Walks only as many rows as it skips, shows and filters out.
     */
    public synchronized List<Row> page(
            Predicate<String> mayReadJob, Predicate<Row> filter, boolean oldestFirst, int skip, int limit) {
        var sources = new ArrayList<Iterator<Row>>();
        byJob.forEach((job, rows) -> {
            if (mayReadJob.test(job)) {
                sources.add(oldestFirst ? rows.descendingIterator() : rows.iterator());
            }
        });
        return take(merge(sources, oldestFirst ? NEWEST_FIRST.reversed() : NEWEST_FIRST), filter, skip, limit);
    }

    /** Returns up to {@code limit} rows of one target, newest first, of readable jobs only. */
    public synchronized List<Row> targetPage(String targetKey, Predicate<String> mayReadJob, int skip, int limit) {
        var rows = byTarget.getOrDefault(targetKey, new TreeSet<>(NEWEST_FIRST));
        return take(rows.iterator(), row -> mayReadJob.test(row.job()), skip, limit);
    }

    /** Returns the rows of readable jobs that started at or after {@code since}, newest first. */
    public synchronized List<Row> since(Instant since, Predicate<String> mayReadJob) {
        var rows = new ArrayList<Row>();
        for (Row row : all) {
            if (row.sortTime() < since.toEpochMilli()) {
                break;
            }
            if (mayReadJob.test(row.job())) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Returns the row of a deployment, or null. */
    public synchronized Row row(String deploymentId) {
        return byId.get(deploymentId);
    }

    /** Returns how many distinct digests of an application first appeared in {@code (after, upTo]}. */
    public synchronized long digestsBetween(String application, long after, long upTo) {
        var sequences = digestSequencesByApplication.get(application);
        return sequences == null || upTo <= after
                ? 0
                : sequences.subSet(after, false, upTo, true).size();
    }

    /** Reads a deployment's newest line from the journal. */
    public DeploymentEntry read(Row row) {
        return (DeploymentEntry) readLine(row.offset(), row.length());
    }

    /** Returns the newest image build recorded for a digest (with its scan as rescanned), if any. */
    public java.util.Optional<ImageBuildEntry> newestBuildOf(String digest) {
        LineRef ref;
        synchronized (this) {
            ref = digest == null ? null : newestBuildOfDigest.get(digest);
        }
        return ref == null
                ? java.util.Optional.empty()
                : java.util.Optional.of((ImageBuildEntry) readLine(ref.offset(), ref.length()));
    }

    private HistoryEntry readLine(long offset, int length) {
        var buffer = ByteBuffer.allocate(length);
        try (var channel = FileChannel.open(store.journalFile(), StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // a positional read may return fewer bytes than asked
            }
        } catch (IOException e) {
            throw new UncheckedIOException("history line not read: " + e.getMessage(), e);
        }
        bytesRead.addAndGet(length);
        linesRead.incrementAndGet();
        ParsedLine parsed = HistoryJson.parseLine(buffer.array(), 0, length);
        if (parsed.entry() == null) {
            throw new IllegalStateException("the history changed under the index (" + parsed.description()
                    + "); refresh the index and ask again");
        }
        return parsed.entry();
    }

    private static List<Row> take(Iterator<Row> rows, Predicate<Row> filter, int skip, int limit) {
        var page = new ArrayList<Row>(Math.min(limit, 1000));
        int skipped = 0;
        while (rows.hasNext() && page.size() < limit) {
            Row row = rows.next();
            if (!filter.test(row)) {
                continue;
            }
            if (skipped < skip) {
                skipped++;
            } else {
                page.add(row);
            }
        }
        return page;
    }

    private static Iterator<Row> merge(List<Iterator<Row>> sources, Comparator<Row> order) {
        record Head(Row row, Iterator<Row> rest) {}
        var heads = new PriorityQueue<Head>(Math.max(1, sources.size()), Comparator.comparing(Head::row, order));
        sources.forEach(source -> {
            if (source.hasNext()) {
                heads.add(new Head(source.next(), source));
            }
        });
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Row next() {
                Head head = heads.remove();
                if (head.rest().hasNext()) {
                    heads.add(new Head(head.rest().next(), head.rest()));
                }
                return head.row();
            }
        };
    }

    private boolean stillExtends(FileChannel channel, long size) throws IOException {
        if (indexedTo == 0) {
            return true;
        }
        return size >= indexedTo
                && lastLineStart >= 0
                && fingerprint.equals(Snapshot.of(channel, lastLineStart, indexedTo, List.of())
                        .lastLineSha256());
    }

    private void clear() {
        byId.clear();
        all.clear();
        byJob.clear();
        byTarget.clear();
        targets.clear();
        firstSeen.clear();
        digestSequencesByApplication.clear();
        newestBuildOfDigest.clear();
        indexedTo = 0;
        lastLineStart = -1;
        fingerprint = "";
    }

    private void indexLine(byte[] bytes, int offset, int length, long start, long number) {
        EntryKind kind = HistoryJson.kindOf(bytes, offset, length);
        if (kind == EntryKind.TASK) {
            return;
        }
        ParsedLine parsed = HistoryJson.parseLine(bytes, offset, length);
        if (parsed.entry() instanceof DeploymentEntry deployment) {
            index(deployment, start, length);
        } else if (parsed.entry() instanceof ImageBuildEntry build && build.digest() != null) {
            String application = build.repository().substring(build.repository().lastIndexOf('/') + 1);
            long first = firstSeen.computeIfAbsent(digestKey(application, build.digest()), key -> sequence++);
            digestSequencesByApplication
                    .computeIfAbsent(application, name -> new TreeSet<>())
                    .add(first);
            newestBuildOfDigest.put(build.digest(), new LineRef(start, length));
        }
    }

    private void index(DeploymentEntry deployment, long start, int length) {
        String digest = deployment.primaryDigest();
        long digestSequence = -1;
        if (digest != null) {
            digestSequence = firstSeen.computeIfAbsent(digestKey(deployment.application(), digest), key -> sequence++);
            digestSequencesByApplication
                    .computeIfAbsent(deployment.application(), application -> new TreeSet<>())
                    .add(digestSequence);
        }
        Row previous = byId.get(deployment.id());
        String targetKey = deployment.target().key();
        TargetState state = targets.get(targetKey);
        Row running = state == null ? null : state.running();
        boolean rollback = "rollback".equalsIgnoreCase(deployment.strategy())
                || (previous != null && previous.rollback())
                || isOlder(digest, digestSequence, running);
        var row = new Row(
                deployment.id(),
                start,
                length,
                deployment.time().toEpochMilli(),
                deployment.finishedAt() == null ? 0 : deployment.finishedAt().toEpochMilli(),
                previous == null ? sequence++ : previous.sequence(),
                deployment.status(),
                deployment.environment(),
                deployment.application(),
                deployment.origin() == null ? null : deployment.origin().job(),
                targetKey,
                digest,
                digestSequence,
                rollback,
                deployment.sourceCommittedAt() == null
                        ? 0
                        : deployment.sourceCommittedAt().toEpochMilli());
        if (previous != null) {
            remove(previous);
        }
        add(row);
        fold(targetKey, state, row);
    }

    private static boolean isOlder(String digest, long digestSequence, Row running) {
        return running != null
                && digest != null
                && running.digest() != null
                && !digest.equals(running.digest())
                && digestSequence < running.digestSequence();
    }

    private void fold(String targetKey, TargetState state, Row row) {
        Row running = state == null ? null : state.running();
        if (row.status() == OperationStatus.SUCCEEDED) {
            running = row;
        } else if (running != null && running.id().equals(row.id())) {
            running = null; // what ran was re-recorded as not a success
        }
        Row latest = state == null
                        || state.latest().id().equals(row.id())
                        || row.sortTime() >= state.latest().sortTime()
                ? row
                : state.latest();
        targets.put(targetKey, new TargetState(running, latest));
    }

    private void add(Row row) {
        byId.put(row.id(), row);
        all.add(row);
        byJob.computeIfAbsent(row.job(), job -> new TreeSet<>(NEWEST_FIRST)).add(row);
        byTarget.computeIfAbsent(row.targetKey(), key -> new TreeSet<>(NEWEST_FIRST))
                .add(row);
    }

    private void remove(Row row) {
        all.remove(row);
        byJob.get(row.job()).remove(row);
        byTarget.get(row.targetKey()).remove(row);
    }

    private static String digestKey(String application, String digest) {
        return application + '\u0000' + digest;
    }
}
