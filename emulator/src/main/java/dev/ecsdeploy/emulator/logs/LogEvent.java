package dev.ecsdeploy.emulator.logs;

import java.nio.charset.StandardCharsets;

/**
 * One stored log event. {@code sequence} is unique and increasing across the emulator, so {@code (timestamp,
 * sequence)} orders events totally, even when two share a millisecond or a late event arrives with an older time.
 */
record LogEvent(long timestamp, long sequence, String message, long ingestionTime) implements Comparable<LogEvent> {
    /** AWS counts every event as its UTF-8 message plus 26 bytes of overhead, for uploads and for result pages. */
    static final int OVERHEAD_BYTES = 26;

    int size() {
        return message.getBytes(StandardCharsets.UTF_8).length + OVERHEAD_BYTES;
    }

    Position position() {
        return new Position(timestamp, sequence);
    }

    @Override
    public int compareTo(LogEvent other) {
        return position().compareTo(other.position());
    }

    /** A point in a stream's total order; events are compared to it by {@code (timestamp, sequence)}. */
    record Position(long timestamp, long sequence) implements Comparable<Position> {
        static final Position START = new Position(0, 0);

        @Override
        public int compareTo(Position other) {
            int byTime = Long.compare(timestamp, other.timestamp);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }

        /** The position just before this one: no event sits strictly between the two, as sequences are integers. */
        Position previous() {
            return new Position(timestamp, sequence - 1);
        }

        /** The position just after this one. */
        Position next() {
            return new Position(timestamp, sequence + 1);
        }
    }
}
