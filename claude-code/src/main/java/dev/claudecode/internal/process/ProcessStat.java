package dev.claudecode.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads {@code /proc/<pid>/stat} (Linux). */
public final class ProcessStat {

    private ProcessStat() {
    }

    /**
     * The fields after the process's command name, which may itself hold spaces and parentheses:
     * state, ppid, pgrp, session, tty_nr, tpgid, flags, and so on ({@code proc(5)} numbers them
     * from 3).
     *
     * @param pid the process
     * @return the fields, the state first; empty when the process is gone or {@code /proc} does
     *     not exist
     */
    public static List<String> fields(long pid) {
        String stat;
        try {
            stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return List.of(); // gone
        }
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return List.of();
        }
        return Arrays.asList(stat.substring(close + 2).split(" "));
    }
}
