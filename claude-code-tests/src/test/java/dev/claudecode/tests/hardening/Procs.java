package dev.claudecode.tests.hardening;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.claudecode.internal.process.ProcessEnvironment;
import dev.claudecode.internal.process.ProcessStat;
import dev.claudecode.testkit.ProcessTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What the hardening tests read from {@code /proc} and the JVM: processes, threads, descriptors, heap. */
final class Procs {

    private Procs() {
    }

    /** @return the environment the process started with; empty when it is gone */
    static Map<String, String> environ(long pid) {
        byte[] raw = ProcessEnvironment.read(pid);
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** @return the processes whose environment has {@code name=value}, such as a test's marker */
    static List<Long> withEnv(String name, String value) {
        List<Long> found = new ArrayList<>();
        for (long pid : ProcessTable.pids()) {
            if (value.equals(environ(pid).get(name)) && isAlive(pid)) {
                found.add(pid);
            }
        }
        return found;
    }

    /**
     * Describes, for a failure message, every process whose environment has {@code name=value}
     * and every process that has ended but not been collected (whose environment can no longer
     * be read): id, state and arguments.
     *
     * @return one entry per process
     */
    static List<String> describeWithEnv(String name, String value) {
        List<String> found = new ArrayList<>();
        for (long pid : ProcessTable.pids()) {
            List<String> stat = ProcessStat.fields(pid);
            String state = stat.isEmpty() ? "?" : stat.getFirst();
            if (value.equals(environ(pid).get(name)) || state.equals("Z")) {
                found.add(pid + " " + state + " " + ProcessTable.arguments(pid));
            }
        }
        return found;
    }

    /**
     * Finds the real CLIs among the processes that carry a test's marker (their children, and a
     * wrapper's helpers, carry it too).
     *
     * @param marker the value of {@code HARDENING_MARKER}
     * @return the CLIs' process ids
     */
    static List<Long> clis(String marker) {
        return withEnv("HARDENING_MARKER", marker).stream()
                .filter(pid -> {
                    List<String> argv = ProcessTable.arguments(pid);
                    return !argv.isEmpty() && argv.getFirst().endsWith("claude");
                })
                .toList();
    }

    /**
     * Finds the real CLI among the processes that carry a test's marker.
     *
     * @param marker the value of {@code HARDENING_MARKER}
     * @return the CLI's process id
     * @throws AssertionError when there is none
     */
    static long cli(String marker) {
        return clis(marker).stream().findFirst().orElseThrow(() -> new AssertionError("no CLI process with the marker " + marker));
    }

    /** @return whether the process runs (a zombie does not) */
    static boolean isAlive(long pid) {
        List<String> fields = ProcessStat.fields(pid);
        return !fields.isEmpty() && !fields.getFirst().equals("Z");
    }

    /** @return the live descendants of this JVM */
    static List<ProcessHandle> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
    }

    /** @return this JVM's open file descriptors */
    static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return platform and virtual threads the SDK started, found by name in a full thread dump */
    static long sdkThreads() {
        try {
            Path dump = Files.createTempFile("threads", ".txt");
            Files.delete(dump);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            try (Stream<String> lines = Files.lines(dump)) {
                return lines.filter(line -> line.startsWith("#") && line.contains("\"claude-code-")).count();
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the heap in use after full collections, the least of a few readings */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /**
     * Waits until a condition holds.
     *
     * @param millis the longest wait
     * @param condition what to wait for
     * @return whether it held in time
     */
    static boolean await(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
