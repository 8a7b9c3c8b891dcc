package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand sessions started and stopped against the lightest stand-in CLI (a {@code /bin/sh}
 * script that answers initialize) leave no process, SDK thread, file descriptor or heap behind.
 * Every tenth session also runs a turn. {@code -Dclaudecode.leak.cycles=N} runs a longer soak.
 */
class StandInLeakIT {

    private static final int CYCLES = Integer.getInteger("claudecode.leak.cycles", 10_000);
    private static final int WARM_UP = 200;
    private static final int PARALLEL = 8;
    private static final long HEAP_TOLERANCE = 4L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void startStopCyclesLeaveNoProcessThreadDescriptorOrHeap() throws Exception {
        Path cli = StandIns.install(dir, "minimal.sh");
        String marker = UUID.randomUUID().toString();
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(cli).cwd(dir).env("HARDENING_MARKER", marker).build();

        // warm up, so that class loading, JIT and the JDK's own pools are in the baseline
        cycles(options, WARM_UP);
        settle(marker);
        long threadsBefore = Procs.sdkThreads();
        long fdsBefore = Procs.openFileDescriptors();
        long heapBefore = Procs.usedHeapAfterGc();

        long started = System.nanoTime();
        int turns = cycles(options, CYCLES);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        settle(marker);

        List<Long> processesAfter = Procs.withEnv("HARDENING_MARKER", marker);
        long childrenAfter = Procs.children().size();
        long threadsAfter = Procs.sdkThreads();
        long fdsAfter = Procs.openFileDescriptors();
        long heapAfter = Procs.usedHeapAfterGc();
        Figures.record("leaks", "start/stop cycles with the stand-in CLI", String.format(
                "%,d cycles (%,d with a turn) in %,d ms; stand-in processes left %d, child processes %d; "
                        + "SDK threads %d -> %d; fds %d -> %d; heap after GC %+,d KB",
                CYCLES, turns, elapsedMs, processesAfter.size(), childrenAfter, threadsBefore, threadsAfter,
                fdsBefore, fdsAfter, (heapAfter - heapBefore) / 1024));

        assertThat(processesAfter).isEmpty();
        assertThat(childrenAfter).isZero();
        assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore);
        assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore);
        assertThat(heapAfter - heapBefore).isLessThan(HEAP_TOLERANCE);
    }

    /** Runs start/stop cycles on a few threads; every tenth also runs a turn. @return how many turns ran */
    private static int cycles(ClaudeCodeOptions options, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger turns = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < PARALLEL; worker++) {
                done.add(workers.submit(() -> {
                    for (int cycle = next.getAndIncrement(); cycle < count; cycle = next.getAndIncrement()) {
                        try (Session session = ClaudeCode.start(options)) {
                            if (cycle % 10 == 0) {
                                assertThat(session.query("What is 5 + 3?").result()).contains("8");
                                turns.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        return turns.get();
    }

    private static void settle(String marker) throws InterruptedException {
        Procs.await(10_000, () -> Procs.withEnv("HARDENING_MARKER", marker).isEmpty() && Procs.sdkThreads() == 0);
    }
}
