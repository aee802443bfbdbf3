package dev.ecsdeploy.emulator.logs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One log stream: its events kept in {@code (timestamp, sequence)} order, and what DescribeLogStreams shows. */
final class LogStream {
    private final String name;
    private final long id;
    private final long creationTime;
    private final List<LogEvent> events = new ArrayList<>();
    private long lastIngestionTime;
    private long storedBytes;

    LogStream(String name, long id, long creationTime) {
        this.name = name;
        this.id = id;
        this.creationTime = creationTime;
    }

    String name() {
        return name;
    }

    /** Distinguishes a stream from a deleted stream of the same name, so old tokens do not carry over. */
    long id() {
        return id;
    }

    long creationTime() {
        return creationTime;
    }

    long lastIngestionTime() {
        return lastIngestionTime;
    }

    long storedBytes() {
        return storedBytes;
    }

    List<LogEvent> events() {
        return Collections.unmodifiableList(events);
    }

    Optional<LogEvent> first() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(0));
    }

    Optional<LogEvent> last() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** Events normally arrive in order; a late one is inserted where its timestamp puts it. */
    void add(LogEvent event) {
        int index = events.size();
        while (index > 0 && events.get(index - 1).compareTo(event) > 0) {
            index--;
        }
        events.add(index, event);
        lastIngestionTime = Math.max(lastIngestionTime, event.ingestionTime());
        storedBytes += event.size();
    }

    /** The index of the first event after {@code position}. */
    int indexAfter(LogEvent.Position position) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).position().compareTo(position) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The index of the first event at or after {@code position}; events before it are strictly earlier. */
    int indexBefore(LogEvent.Position position) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).position().compareTo(position) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
