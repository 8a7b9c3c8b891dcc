package dev.claudecode.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** Where the flags are among {@link ProcessStat#fields}. */
    private static final int FLAGS = 6;
    /** {@code PF_KTHREAD} in the flags. */
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
        Path file = Path.of("/proc", Long.toString(pid), "environ");
        // null when the process is gone or not ours to read: nothing to wait for
        byte[] environment = readOrNull(file);
        for (int attempt = 0; environment != null && !holdsAVariable(environment) && pid != 1 && attempt < EXEC_RETRIES
                && isLiveUserProcess(pid); attempt++) {
            try {
                Thread.sleep(EXEC_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            environment = readOrNull(file);
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
    private static boolean isLiveUserProcess(long pid) {
        List<String> fields = ProcessStat.fields(pid);
        return fields.size() > FLAGS && !fields.getFirst().equals("Z") && (Long.parseLong(fields.get(FLAGS)) & KERNEL_THREAD_FLAG) == 0;
    }

    private static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return null; // gone, or another user's
        }
    }
}
