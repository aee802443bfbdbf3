package dev.ecsdeploy.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdeploy.core.event.EventKinds;
import dev.ecsdeploy.core.event.ProgressEvent;
import dev.ecsdeploy.core.operation.OperationStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention, rebuild, known-good marks, concurrent writers and old lines, through the store's public API. */
class HistoryRetentionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path directory;

    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    private HistoryStore store(Instant now) {
        return HistoryStore.builder()
                .directory(directory)
                .progressListener(events::add)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .syncOnAppend(false)
                .build();
    }

    private static DeploymentEntry deployment(String id, String service, int day, OperationStatus status) {
        return DeploymentEntry.builder()
                .id(id)
                .recordedAt(T0.plus(Duration.ofDays(day)))
                .region("eu-west-1")
                .accountId("123456789012")
                .environment("prod")
                .cluster("prod")
                .service(service)
                .addImage(new DeployedImage("app", "registry.example.com/team/" + service + ":" + day, "sha256:" + day))
                .status(status)
                .startedAt(T0.plus(Duration.ofDays(day)))
                .origin(new Origin("alice", "shop/deploy", day, null, "main", null))
                .build();
    }

    @Test
    void shouldDropOldAndSurplusEntriesButNeverTheCurrentStateOfATarget() {
        var store = store(T0.plus(Duration.ofDays(100)));
        store.append(deployment("web-ok", "web", 1, OperationStatus.SUCCEEDED)); // old, but what runs in web
        store.append(deployment("web-bad", "web", 2, OperationStatus.FAILED)); // old, but web's latest attempt
        for (int day = 10; day < 20; day++) {
            store.append(deployment("api-" + day, "api", day, OperationStatus.SUCCEEDED));
        }
        for (int day = 95; day < 99; day++) {
            store.append(deployment("db-" + day, "db", day, OperationStatus.SUCCEEDED));
        }
        var before = store.currentServices().services();

        store.compact(new RetentionPolicy(Duration.ofDays(30), 3));

        assertThat(store.history().entries())
                .extracting(HistoryEntry::id)
                .containsExactly("web-ok", "web-bad", "api-19", "db-96", "db-97", "db-98");
        assertThat(store.currentServices().services()).isEqualTo(before);
    }

    @Test
    void shouldRebuildAStoreEqualToTheOriginalAndSaySo() throws Exception {
        var store = store(T0);
        var recorded = List.<HistoryEntry>of(
                deployment("a", "web", 1, OperationStatus.SUCCEEDED),
                deployment("b", "api", 2, OperationStatus.FAILED));
        store.appendAll(recorded);
        var original = store.history().entries();
        Files.writeString(store.journalFile(), "garbage\n{\"half", StandardCharsets.UTF_8);

        store.rebuild(recorded, "the journal was damaged");

        assertThat(store.history().entries()).isEqualTo(original);
        assertThat(events)
                .filteredOn(event -> event.kind().equals(EventKinds.HISTORY_REBUILT))
                .singleElement()
                .satisfies(event -> assertThat(event.message()).contains("2 recorded operations", "damaged"));
    }

    @Test
    void shouldRecordKnownGoodAsAnAppendAndFindTheLastOnePerTarget() throws Exception {
        var store = store(T0);
        var first = deployment("a", "web", 1, OperationStatus.SUCCEEDED);
        var second = deployment("b", "web", 2, OperationStatus.SUCCEEDED);
        var other = deployment("c", "api", 3, OperationStatus.SUCCEEDED);
        store.appendAll(List.of(first, second, other));
        long journalSize = Files.size(store.journalFile());

        store.markKnownGood(KnownGoodMark.of(first, "alice", T0.plusSeconds(10)));
        store.markKnownGood(KnownGoodMark.of(second, "bob", T0.plusSeconds(20)));

        assertThat(Files.size(store.journalFile())).isEqualTo(journalSize);
        assertThat(store.lastKnownGood(first.target()))
                .hasValueSatisfying(mark -> assertThat(mark.deploymentId()).isEqualTo("b"));
        assertThat(store.lastKnownGood(other.target())).isEmpty();
        assertThat(store.knownGoodMarks()).extracting(KnownGoodMark::markedBy).containsExactly("alice", "bob");
    }

    @Test
    void shouldLoseNothingWhenFourWritersRecordAtOnce() throws Exception {
        var store = store(T0);
        int writers = 4;
        int each = 250;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(writers);
        var failures = new CopyOnWriteArrayList<Throwable>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                try {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        store.append(deployment("w" + writer + "-" + i, "svc" + writer, i, OperationStatus.SUCCEEDED));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        assertThat(failures).isEmpty();
        var ids = store.readAll().stream().map(HistoryEntry::id).toList();
        assertThat(ids).hasSize(writers * each).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            String prefix = "w" + w + "-";
            var own = new ArrayList<String>();
            ids.stream().filter(id -> id.startsWith(prefix)).forEach(own::add);
            assertThat(own)
                    .as("writer %d in order", w)
                    .isSortedAccordingTo(
                            java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(prefix.length()))));
        }
        assertThat(HistoryIndex.of(store).size()).isEqualTo(writers * each);
        assertThat(events).isEmpty();
    }

    @Test
    void shouldReadLinesWrittenBeforeTheNewFieldsAndDeriveTheApplication() throws Exception {
        Files.createDirectories(directory);
        Files.writeString(
                directory.resolve(HistoryStore.JOURNAL),
                "{\"schemaVersion\":1,\"type\":\"deployment\",\"id\":\"old\",\"recordedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"cluster\":\"prod\",\"service\":\"web\",\"status\":\"SUCCEEDED\",\"images\":[{\"image\":"
                        + "\"1.dkr.ecr.eu-west-1.amazonaws.com/team/hello:1.2\",\"digest\":\"sha256:1\"}],"
                        + "\"origin\":{\"user\":\"alice\",\"job\":\"shop\",\"buildNumber\":3}}\n");

        var entry = (DeploymentEntry) store(T0).readAll().get(0);

        assertThat(entry.application()).isEqualTo("hello");
        assertThat(entry.primaryImage().tag()).isEqualTo("1.2");
        assertThat(entry.origin()).isEqualTo(new Origin("alice", "shop", 3, null));
        assertThat(entry.scan()).isNull();
        assertThat(HistoryJson.parseLine(HistoryJson.toLine(entry), 0, HistoryJson.toLine(entry).length - 1)
                        .entry())
                .isEqualTo(entry);
    }
}
