package dev.claudecode.bench;

import java.util.Locale;

/** Progress lines on stderr, so that a long run shows where it is. */
final class Log {

    private static final long START = System.nanoTime();

    private Log() {
    }

    static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench %6.1fs] %s%n", (System.nanoTime() - START) / 1e9, String.format(Locale.ROOT, format, args));
    }
}
