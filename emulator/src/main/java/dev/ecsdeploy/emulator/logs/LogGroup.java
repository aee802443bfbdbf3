package dev.ecsdeploy.emulator.logs;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One log group and its streams, sorted by name as DescribeLogStreams lists them by default. */
final class LogGroup {
    private final String name;
    private final long creationTime;
    private final Map<String, LogStream> streams = new TreeMap<>();

    LogGroup(String name, long creationTime) {
        this.name = name;
        this.creationTime = creationTime;
    }

    String name() {
        return name;
    }

    long creationTime() {
        return creationTime;
    }

    Map<String, LogStream> streams() {
        return streams;
    }

    Optional<LogStream> stream(String streamName) {
        return Optional.ofNullable(streams.get(streamName));
    }

    long storedBytes() {
        return streams.values().stream().mapToLong(LogStream::storedBytes).sum();
    }
}
