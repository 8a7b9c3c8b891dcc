package dev.claudecode.tests.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.tests.hardening.Figures;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** 200 start/stop cycles of the real CLI leave no process, thread, file descriptor or heap behind. */
@ExtendWith(FakeClaudeApiExtension.class)
class StartStopLeakIT {

    private static final int CYCLES = 200;
    private static final int PARALLEL = 4;
    private static final long HEAP_TOLERANCE = 4L * 1024 * 1024;

    @TempDir
    Path cwd;

    @Test
    void startStopCyclesLeakNothing(FakeClaudeApi api) throws Exception {
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment()).build();
        // one cycle first, so that lazily created JVM threads and class loading are in the baseline
        ClaudeCode.start(options).close();
        settle();
        long processesBefore = cliProcesses();
        long threadsBefore = sdkThreads();
        long fdsBefore = openFileDescriptors();
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();

        try (ExecutorService workers = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < PARALLEL; worker++) {
                done.add(workers.submit(() -> {
                    for (int cycle = 0; cycle < CYCLES / PARALLEL; cycle++) {
                        try (Session session = ClaudeCode.start(options)) {
                            assertThat(session.isAlive()).isTrue();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        settle();

        long processesAfter = cliProcesses();
        long threadsAfter = sdkThreads();
        long fdsAfter = openFileDescriptors();
        long heapAfter = usedHeapAfterGc();
        Figures.record("leaks", "start/stop cycles with the real CLI", String.format(
                "%d cycles, %d in parallel, in %,d ms; CLI processes %d -> %d; SDK threads %d -> %d; fds %d -> %d; "
                        + "heap after GC %+,d KB", CYCLES, PARALLEL, (System.nanoTime() - started) / 1_000_000,
                processesBefore, processesAfter, threadsBefore, threadsAfter, fdsBefore, fdsAfter,
                (heapAfter - heapBefore) / 1024));
        assertThat(processesAfter).isZero();
        assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore);
        assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore + 2);
        assertThat(heapAfter - heapBefore).isLessThan(HEAP_TOLERANCE);
    }

    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && (cliProcesses() > 0 || sdkThreads() > 0)) {
            Thread.sleep(50);
        }
        System.gc();
    }

    static long cliProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count();
    }

    /** Platform and virtual threads the SDK started, found by name in a full thread dump. */
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
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the heap in use after full collections, the least of a few readings */
    static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
