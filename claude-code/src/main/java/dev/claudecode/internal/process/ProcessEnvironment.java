package dev.claudecode.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the environment a process started with from {@code /proc/<pid>/environ} (Linux).
 *
 * <p>A process in the middle of {@code exec} shows no variables until the new program's memory
 * is set up: the file reads empty, or a single byte. Such a process is read again for a few
 * milliseconds rather than taken for one without variables. Kernel threads and the machine's
 * init process have none for good, and another user's process cannot be read: those are read
 * once.
 */
public final class ProcessEnvironment {

    /** {@code PF_KTHREAD} in the flags field of {@code /proc/<pid>/stat}. */
    private static final long KERNEL_THREAD_FLAG = 0x00200000L;
    private static final int EXEC_RETRIES = 25;
    private static final long EXEC_RETRY_MILLIS = 2;

    private ProcessEnvironment() {
    }

    /**
     * @param pid the process
     * @return its environment as NUL-separated {@code NAME=value} entries; empty when the process
     *     is gone, belongs to another user, or {@code /proc} does not exist
     */
    public static byte[] read(long pid) {
        Path dir = Path.of("/proc", Long.toString(pid));
        // null when the process is gone or not ours to read: nothing to wait for
        byte[] environment = readOrNull(dir.resolve("environ"));
        for (int attempt = 0; environment != null && !holdsAVariable(environment) && pid != 1 && attempt < EXEC_RETRIES
                && isLiveUserProcess(dir); attempt++) {
            try {
                Thread.sleep(EXEC_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            environment = readOrNull(dir.resolve("environ"));
        }
        return environment == null ? new byte[0] : environment;
    }

    private static boolean holdsAVariable(byte[] environment) {
        for (byte b : environment) {
            if (b == '=') {
                return true;
            }
        }
        return false;
    }

    /** Running or sleeping, and neither a zombie nor a kernel thread. */
    private static boolean isLiveUserProcess(Path dir) {
        byte[] raw = readOrNull(dir.resolve("stat"));
        String stat = raw == null ? "" : new String(raw, StandardCharsets.US_ASCII);
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 >= stat.length()) {
            return false;
        }
        // after the command name: state, ppid, pgrp, session, tty_nr, tpgid, flags, ...
        String[] fields = stat.substring(close + 2).split(" ");
        return fields.length > 6 && !fields[0].equals("Z") && (Long.parseLong(fields[6]) & KERNEL_THREAD_FLAG) == 0;
    }

    private static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return null; // gone, or another user's
        }
    }
}
