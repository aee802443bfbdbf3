package dev.ecsdeploy.core.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** Splits a byte range of the journal into lines without decoding what it does not need. */
final class JournalReader {
    private static final int CHUNK = 1 << 16;

    /**
     * Receives one complete line (without its newline), the offset where it starts and its number, counted from 1
     * at the offset the read started at (so the journal's own line number when it started at 0).
     */
    @FunctionalInterface
    interface LineSink {
        void line(byte[] bytes, int offset, int length, long start, long number);
    }

    /**
     * What was left after the last newline.
     *
     * @param lastLineStart where the last complete line starts, or -1 when there was none
     * @param completeEnd the offset just after the last complete line
     * @param incompleteBytes how many bytes follow it without a newline (a torn or in-flight write)
     * @param lines how many complete lines were read
     */
    record Tail(long lastLineStart, long completeEnd, int incompleteBytes, long lines) {}

    private JournalReader() {}

    static Tail read(FileChannel channel, long from, long to, LineSink sink) throws IOException {
        byte[] chunk = new byte[CHUNK];
        byte[] carry = new byte[0];
        int carried = 0;
        long lineStart = from;
        long lastLineStart = -1;
        long position = from;
        long number = 0;
        while (position < to) {
            int read = channel.read(ByteBuffer.wrap(chunk, 0, (int) Math.min(CHUNK, to - position)), position);
            if (read < 0) {
                break;
            }
            int segmentStart = 0;
            for (int i = 0; i < read; i++) {
                if (chunk[i] != '\n') {
                    continue;
                }
                number++;
                if (carried == 0) {
                    deliver(sink, chunk, segmentStart, i - segmentStart, lineStart, number);
                } else {
                    carry = append(carry, carried, chunk, segmentStart, i - segmentStart);
                    deliver(sink, carry, 0, carried + i - segmentStart, lineStart, number);
                    carried = 0;
                }
                segmentStart = i + 1;
                lastLineStart = lineStart;
                lineStart = position + segmentStart;
            }
            carry = append(carry, carried, chunk, segmentStart, read - segmentStart);
            carried += read - segmentStart;
            position += read;
        }
        return new Tail(lastLineStart, lineStart, carried, number);
    }

    private static void deliver(LineSink sink, byte[] bytes, int offset, int length, long start, long number) {
        if (!blank(bytes, offset, length)) {
            sink.line(bytes, offset, length, start, number);
        }
    }

    private static boolean blank(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\r' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static byte[] append(byte[] carry, int carried, byte[] bytes, int offset, int length) {
        byte[] target = carry.length >= carried + length ? carry : Arrays.copyOf(carry, (carried + length) * 2);
        System.arraycopy(bytes, offset, target, carried, length);
        return target;
    }
}
