package dev.ecsdeploy.core.history;

import static dev.ecsdeploy.core.history.HistoryFixtures.demoHistory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {
    private static final int WRITERS = 8;
    private static final int ENTRIES_PER_WRITER = 1_000;

    @TempDir
    Path directory;

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    private HistoryStore store() {
        return HistoryStore.builder()
                .directory(directory)
                .progressListener(events::add)
                .build();
    }

    @Test
    void shouldLoseNothingWhenEightProcessesAppendWhileCompactionRuns() throws Exception {
        Path start = directory.resolve("start");
        var writers = new ArrayList<Process>();
        for (int writer = 0; writer < WRITERS; writer++) {
            writers.add(writerProcess(writer, start));
        }
        Files.createFile(start);
        var store = store();
        while (writers.stream().anyMatch(Process::isAlive)) {
            store.compact(); // compaction takes the same lock, so it must not swallow appends
            Thread.sleep(300);
        }
        for (Process writer : writers) {
            assertThat(writer.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(writer.exitValue())
                    .as(new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }

        List<HistoryEntry> entries = store.readAll();
        assertThat(entries).hasSize(WRITERS * ENTRIES_PER_WRITER);
        assertThat(entries).map(HistoryEntry::id).doesNotHaveDuplicates();
        assertThat(events).isEmpty();
        for (int writer = 0; writer < WRITERS; writer++) {
            assertThat(idsOf(entries, writer))
                    .as("writer %d in its own order", writer)
                    .isEqualTo(expectedIds(writer));
        }
        for (HistoryEntry entry : entries) {
            String[] parts = entry.id().substring(1).split("-");
            assertThat(entry)
                    .isEqualTo(withRecordedAt(
                            HistoryWriterMain.entry(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])), entry));
        }
        assertThat(Files.readAllLines(store.journalFile())).hasSize(WRITERS * ENTRIES_PER_WRITER);
    }

    @Test
    void shouldSkipATornLastLineWithAWarning() throws IOException {
        var store = store();
        store.appendAll(demoHistory());
        byte[] next =
                HistoryJson.toLine(HistoryFixtures.task("t-9", "dev", "web", 300, OperationStatus.SUCCEEDED, 0, null));
        Files.write(store.journalFile(), java.util.Arrays.copyOf(next, next.length / 2), StandardOpenOption.APPEND);

        List<HistoryEntry> entries = store.readAll();

        assertThat(entries).containsExactlyElementsOf(demoHistory());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.severity()).isEqualTo(ProgressEvent.Severity.WARNING);
            assertThat(event.kind()).isEqualTo("history.torn-line");
            assertThat(event.message()).contains("incomplete last line", "interrupted write");
        });
    }

    @Test
    void shouldStartANewLineWhenAppendingAfterATornLine() throws IOException {
        var store = store();
        store.appendAll(demoHistory());
        Files.writeString(store.journalFile(), "{\"schemaVersion\":1,\"type\":\"depl", StandardOpenOption.APPEND);
        var late = HistoryFixtures.task("t-9", "dev", "web", 300, OperationStatus.SUCCEEDED, 0, null);

        store.append(late);

        assertThat(events).map(ProgressEvent::kind).containsExactly("history.torn-line-repaired");
        events.clear();
        assertThat(store.readAll()).endsWith(demoHistory().get(demoHistory().size() - 1), late);
        assertThat(events).map(ProgressEvent::kind).containsExactly("history.skipped-line");
    }

    @Test
    void shouldSkipCorruptedAndNewerSchemaLinesButRefuseToCompactThemAway() throws IOException {
        var store = store();
        store.appendAll(demoHistory());
        Files.writeString(
                store.journalFile(),
                "not json at all\n{\"schemaVersion\":2,\"type\":\"deployment\",\"id\":\"from-the-future\"}\n",
                StandardOpenOption.APPEND);

        assertThat(store.readAll()).containsExactlyElementsOf(demoHistory());
        assertThat(events)
                .map(ProgressEvent::message)
                .anySatisfy(m -> assertThat(m).contains("not valid JSON"));
        assertThat(events)
                .map(ProgressEvent::message)
                .anySatisfy(m -> assertThat(m).contains("schema version 2"));
        assertThatThrownBy(store::compact)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("history not compacted: ")
                .hasMessageContaining("schema version 2");
        assertThat(Files.readString(store.journalFile())).contains("from-the-future");
    }

    @Test
    void shouldCompactToTheNewestStateOfEveryOperation() throws IOException {
        var store = store();
        store.appendAll(demoHistory());
        Files.writeString(store.journalFile(), "garbage\n", StandardOpenOption.APPEND);
        History before = store.history();

        CompactionResult result = store.compact();

        assertThat(result.linesBefore()).isEqualTo(demoHistory().size() + 1);
        assertThat(result.droppedLines()).isEqualTo(1);
        assertThat(result.entriesAfter()).isEqualTo(demoHistory().size() - 1);
        assertThat(result.bytesAfter())
                .isEqualTo(Files.size(store.journalFile()))
                .isLessThan(result.bytesBefore());
        List<HistoryEntry> after = store.readAll();
        assertThat(after).containsExactlyElementsOf(before.entries());
        assertThat(after)
                .filteredOn(entry -> entry.id().equals("d-6"))
                .singleElement()
                .extracting(HistoryEntry::status)
                .isEqualTo(OperationStatus.ROLLED_BACK);
        assertThat(store.history().current()).isEqualTo(before.current());
    }

    @Test
    void shouldKeepDamagedLinesAsideWhenCompactingInsteadOfDroppingThem() throws IOException {
        var store = store();
        store.appendAll(demoHistory());
        byte[] binary = {'{', (byte) 0xC3, (byte) 0x28, '\n'};
        Files.writeString(store.journalFile(), "garbage line\n", StandardOpenOption.APPEND);
        Files.write(store.journalFile(), binary, StandardOpenOption.APPEND);
        Files.writeString(store.journalFile(), "{\"schemaVersion\":1,\"type\":\"depl", StandardOpenOption.APPEND);
        int firstDamaged = demoHistory().size() + 1;

        CompactionResult result = store.compact();

        assertThat(result.droppedLines()).isEqualTo(3);
        Path damaged = directory.resolve(HistoryStore.DAMAGED);
        List<com.fasterxml.jackson.databind.JsonNode> kept = new ArrayList<>();
        for (String line : Files.readAllLines(damaged)) {
            kept.add(HistoryJson.mapper().readTree(line));
        }
        assertThat(kept)
                .extracting(node -> node.path("line").asLong())
                .containsExactly((long) firstDamaged, (long) firstDamaged + 1, (long) firstDamaged + 2);
        assertThat(kept.get(0).path("text").asText()).isEqualTo("garbage line");
        assertThat(kept.get(0).path("journal").asText()).isEqualTo(HistoryStore.JOURNAL);
        assertThat(kept.get(0).path("problem").asText()).startsWith("not valid JSON");
        assertThat(kept.get(1).path("base64").asText())
                .as("bytes that are not UTF-8 are kept exactly")
                .isEqualTo(java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(binary, 3)));
        assertThat(kept.get(2).path("text").asText()).isEqualTo("{\"schemaVersion\":1,\"type\":\"depl");
        assertThat(kept.get(2).path("problem").asText()).contains("interrupted write");
        assertThat(events)
                .filteredOn(event -> event.kind().equals("history.damaged-lines-kept"))
                .singleElement()
                .satisfies(event -> assertThat(event.message())
                        .contains("moved 3 damaged line(s)")
                        .contains("lines " + firstDamaged + ", " + (firstDamaged + 1) + ", " + (firstDamaged + 2))
                        .contains(damaged.toString()));
        assertThat(store.readAll()).hasSize(demoHistory().size() - 1);

        Files.writeString(store.journalFile(), "more garbage\n", StandardOpenOption.APPEND);
        store.compact();

        assertThat(Files.readAllLines(damaged))
                .as("a second compaction appends to what was kept before")
                .hasSize(4);
    }

    @Test
    void shouldNameTheLineNumberOfADamagedLineWhenReading() throws IOException {
        var store = store();
        store.appendAll(demoHistory());
        Files.writeString(store.journalFile(), "\ngarbage\n", StandardOpenOption.APPEND);

        store.readAll();

        assertThat(events)
                .singleElement()
                .extracting(ProgressEvent::message)
                .asString()
                .contains("skipped line " + (demoHistory().size() + 2) + " (byte ")
                .contains("the line stays in the journal");
    }

    @Test
    void shouldAnswerWhatRunsNowFromTheSnapshotAndTheTailOnly() {
        var store = store();
        for (int i = 0; i < 200; i++) {
            store.appendAll(renamed(demoHistory(), "r" + i + "-"));
        }
        store.compact();
        var late = HistoryFixtures.deployment(
                "d-99", "prod", "web", "rolling", HistoryFixtures.WEB_3, 400, OperationStatus.SUCCEEDED, null);
        store.append(late);

        CurrentServices current = store.currentServices();

        assertThat(current.fromSnapshot()).isTrue();
        assertThat(current.services()).isEqualTo(store.history().current());
        assertThat(current.services())
                .filteredOn(state ->
                        state.environment().equals("prod") && state.service().equals("web"))
                .singleElement()
                .extracting(ServiceState::running)
                .isEqualTo(late);
        assertThat(current.bytesRead()).isLessThan(current.journalBytes() / 2);
    }

    @Test
    void shouldRefreshTheSnapshotWhenTheTailGrowsPastTheThreshold() {
        var store = HistoryStore.builder()
                .directory(directory)
                .snapshotRefreshBytes(4096)
                .build();
        store.appendAll(demoHistory());

        CurrentServices first = store.currentServices();
        CurrentServices second = store.currentServices();

        assertThat(first.fromSnapshot()).isFalse();
        assertThat(first.bytesRead()).isEqualTo(first.journalBytes());
        assertThat(second.fromSnapshot()).isTrue();
        assertThat(second.services())
                .isEqualTo(first.services())
                .isEqualTo(store.history().current());
        assertThat(second.bytesRead()).isLessThan(second.journalBytes());
    }

    @Test
    void shouldRefreshTheSnapshotEvenWhenTheTailHoldsOnlyBuilds() {
        var store = HistoryStore.builder()
                .directory(directory)
                .snapshotRefreshBytes(1024)
                .build();
        store.appendAll(demoHistory());
        store.currentServices();
        for (int i = 0; i < 20; i++) {
            store.append(HistoryFixtures.build(
                    "b-late-" + i,
                    "web",
                    HistoryFixtures.WEB_3,
                    300 + i,
                    List.of(),
                    HistoryFixtures.scan(0, 1, 1),
                    true));
        }

        CurrentServices afterBuilds = store.currentServices();
        CurrentServices next = store.currentServices();

        assertThat(afterBuilds.services())
                .isEqualTo(next.services())
                .isEqualTo(store.history().current());
        assertThat(next.bytesRead()).isLessThan(afterBuilds.bytesRead() / 2);
    }

    @Test
    void shouldIgnoreASnapshotThatNoLongerMatchesTheJournal() throws IOException {
        var store = HistoryStore.builder().directory(directory).build();
        store.appendAll(demoHistory());
        store.compact();
        // Someone replaced the journal by hand: the snapshot's offsets no longer point at its last line.
        var replacement = new StringBuilder();
        demoHistory().subList(0, 4).forEach(e -> replacement.append(new String(HistoryJson.toLine(e))));
        Files.writeString(store.journalFile(), replacement);

        CurrentServices current = store.currentServices();

        assertThat(current.fromSnapshot()).isFalse();
        assertThat(current.services())
                .isEqualTo(History.of(demoHistory().subList(0, 4)).current());
    }

    @Test
    void shouldWriteEveryLineWithItsSchemaVersionFirst() throws IOException {
        var store = store();
        store.appendAll(demoHistory());

        assertThat(Files.readAllLines(store.journalFile()))
                .hasSize(demoHistory().size())
                .allSatisfy(line -> assertThat(line).startsWith("{\"schemaVersion\":1,\"type\":\""));
        assertThat(store.readAll()).containsExactlyElementsOf(demoHistory());
    }

    @Test
    void shouldReadLinesWrittenByHandInAnotherPropertyOrder() throws IOException {
        var store = store();
        var deployment = HistoryFixtures.deployment(
                "by-hand", "qa", "web", "rolling", HistoryFixtures.WEB_1, 5, OperationStatus.SUCCEEDED, null);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                HistoryJson.newMapper().readTree(HistoryJson.toLine(deployment));
        node.remove("schemaVersion");
        node.put("schemaVersion", 1);
        Files.writeString(store.journalFile().getParent().resolve(HistoryStore.JOURNAL), "  " + node + "\n");

        assertThat(store.readAll()).containsExactly(deployment);
        assertThat(store.currentServices().services())
                .extracting(ServiceState::running)
                .containsExactly(deployment);
        assertThat(events).isEmpty();
    }

    @Test
    void shouldAnswerEmptyForADirectoryWithoutHistory() {
        var store = store();

        assertThat(store.readAll()).isEmpty();
        assertThat(store.currentServices().services()).isEmpty();
        assertThat(store.compact().entriesAfter()).isZero();
    }

    private Process writerProcess(int writer, Path start) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xshare:auto",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HistoryWriterMain.class.getName(),
                        directory.toString(),
                        Integer.toString(writer),
                        Integer.toString(ENTRIES_PER_WRITER),
                        start.toString())
                .redirectErrorStream(true)
                .start();
    }

    private static List<String> idsOf(List<HistoryEntry> entries, int writer) {
        return entries.stream()
                .map(HistoryEntry::id)
                .filter(id -> id.startsWith("w" + writer + "-"))
                .collect(Collectors.toList());
    }

    private static List<String> expectedIds(int writer) {
        var ids = new ArrayList<String>();
        for (int n = 0; n < ENTRIES_PER_WRITER; n++) {
            ids.add("w" + writer + "-" + n);
        }
        return ids;
    }

    private static DeploymentEntry withRecordedAt(DeploymentEntry expected, HistoryEntry actual) {
        var stored = (DeploymentEntry) actual;
        return expected.toBuilder()
                .recordedAt(actual.recordedAt())
                .events(
                        stored.events().isEmpty()
                                ? List.of()
                                : List.of(new HistoryEvent(
                                        stored.events().get(0).time(),
                                        expected.events().get(0).message())))
                .build();
    }

    private static List<HistoryEntry> renamed(List<HistoryEntry> entries, String prefix) {
        return entries.stream()
                .map(entry -> renamed(entry, prefix + entry.id()))
                .toList();
    }

    private static HistoryEntry renamed(HistoryEntry entry, String id) {
        if (entry instanceof DeploymentEntry deployment) {
            return deployment.toBuilder().id(id).build();
        }
        if (entry instanceof TaskRunEntry task) {
            return task.toBuilder().id(id).build();
        }
        return ((ImageBuildEntry) entry).toBuilder().id(id).build();
    }
}
