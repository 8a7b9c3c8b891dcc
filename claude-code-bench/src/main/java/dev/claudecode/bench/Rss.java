package dev.claudecode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, from {@code /proc/self/status}. */
final class Rss {

    /** How long {@link #settledBytes()} waits; {@code scale.mjs} and {@code hugeline.mjs} wait as long. */
    static final long SETTLE_MS = 1000;

    private Rss() {
    }

    /** @return the resident set size in bytes, or 0 where there is no /proc */
    static long currentBytes() {
        return field("VmRSS");
    }

    /**
     * Reads the resident set size once the memory the collections just freed has gone back to the
     * system: G1 hands freed heap regions back on a thread of its own after a collection, so a
     * read right after {@code System.gc()} still counts them. The TypeScript side waits alike.
     *
     * @return the resident set size in bytes a second after the call, or 0 where there is no /proc
     */
    static long settledBytes() throws InterruptedException {
        Thread.sleep(SETTLE_MS);
        return currentBytes();
    }

    /** @return the peak resident set size in bytes, or 0 where there is no /proc */
    static long peakBytes() {
        return field("VmHWM");
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
