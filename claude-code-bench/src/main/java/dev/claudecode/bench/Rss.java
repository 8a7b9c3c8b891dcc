package dev.claudecode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, from {@code /proc/self/status}. */
final class Rss {

    private Rss() {
    }

    /** @return the resident set size in bytes, or 0 where there is no /proc */
    static long currentBytes() {
        return field("VmRSS");
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
