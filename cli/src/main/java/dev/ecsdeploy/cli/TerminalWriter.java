package dev.ecsdeploy.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output and error of the CLI: every character written goes through {@link #escape}, so no control
 * sequence that arrives in data (an event message, a stopped reason, a task's log line, an environment name) reaches
 * the terminal. Only {@link #control} writes the CLI's own sequences, and line ends are written as they are.
 */
final class TerminalWriter extends PrintWriter {
    private TerminalWriter(Writer target) {
        super(target, true);
    }

    /** {@code writer} itself when it escapes already, else an escaping writer in front of it. */
    static TerminalWriter of(PrintWriter writer) {
        return writer instanceof TerminalWriter terminal ? terminal : new TerminalWriter(writer);
    }

    /**
     * {@code text} with every C0 control character but tab and line feed, DEL, every C1 control character, and the
     * Unicode bidirectional controls (which reorder what a terminal shows) written as {@code \}{@code uXXXX}. The
     * form is also a JSON escape of the same character, so JSON output stays valid JSON with the same content.
     */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c)) {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                escaped.append(String.format("\\u%04x", (int) c));
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static boolean isUnsafe(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n';
        }
        return (c >= 0x7f && c <= 0x9f)
                || c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** Writes a control sequence of the CLI's own (the live progress line's carriage return and erase) unescaped. */
    void control(String sequence) {
        synchronized (lock) {
            super.write(sequence, 0, sequence.length());
        }
    }

    @Override
    public void write(int c) {
        write(String.valueOf((char) c), 0, 1);
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        write(new String(buffer, offset, length), 0, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        String safe = escape(text.substring(offset, offset + length));
        super.write(safe, 0, safe.length());
    }
}
