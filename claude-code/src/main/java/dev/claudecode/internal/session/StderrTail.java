package dev.claudecode.internal.session;

import java.util.ArrayDeque;
import java.util.Deque;

/** The last lines a CLI wrote to stderr, kept for error messages. Thread-safe. */
final class StderrTail {

    private static final int MAX_LINES = 40;
    private static final int MAX_LINE_CHARS = 2_000;

    private final Deque<String> lines = new ArrayDeque<>();

    synchronized void add(String line) {
        if (lines.size() == MAX_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "…" : line);
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
