package dev.claudecode.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The epoll spawner (Java 22+, Linux, native access granted: the build's tests run with {@code
 * --enable-native-access=ALL-UNNAMED}): what a child gets, its pipes on virtual threads, its exit
 * status, and that thousands of waiting readers hold no platform thread.
 */
class EpollSpawnerTest {

    private static Spawner spawner;

    @TempDir
    Path dir;

    @BeforeAll
    static void spawner() {
        Optional<Spawner> polled = Spawners.polled();
        assumeTrue(Runtime.version().feature() >= 22 && System.getProperty("os.name").equals("Linux"),
                "the epoll spawner needs Java 22+ on Linux");
        assertThat(polled).as("the tests grant native access, so the epoll spawner is chosen").isPresent();
        spawner = polled.get();
        assertThat(spawner.name()).isEqualTo("epoll");
    }

    private static Map<String, String> env() {
        return Map.of("PATH", System.getenv("PATH"), "ONLY_THIS", "yes");
    }

    @Test
    void aChildGetsItsArgumentsEnvironmentAndDirectoryAndNoOtherDescriptor() throws Exception {
        SpawnedProcess child = spawner.spawn(List.of("sh", "-c",
                "echo \"$1|$ONLY_THIS|$(pwd)|$(ls /proc/self/fd | wc -l)|$(env | wc -l)\"; echo err >&2; exit 7", "sh", "a b"),
                env(), Optional.of(dir.toString()));
        String out = new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(child.stderr().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.onExit().get(10, TimeUnit.SECONDS)).isEqualTo(7);
        String[] fields = out.split("\\|");
        assertThat(fields[0]).isEqualTo("a b");
        assertThat(fields[1]).isEqualTo("yes");
        assertThat(Path.of(fields[2]).toRealPath()).isEqualTo(dir.toRealPath());
        // 0, 1, 2 and the one ls opens for the listing
        assertThat(Integer.parseInt(fields[3].strip())).isEqualTo(4);
        assertThat(err).isEqualTo("err");
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void stdinReachesTheChildAndClosingItEndsIt() throws Exception {
        SpawnedProcess child = spawner.spawn(List.of("cat"), env(), Optional.empty());
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                read.complete(child.stdout().readAllBytes());
            } catch (IOException e) {
                read.completeExceptionally(e);
            }
        });
        byte[] big = new byte[1 << 20]; // more than a pipe holds: the writer waits for the reader
        java.util.Arrays.fill(big, (byte) 'z');
        try (OutputStream in = child.stdin()) {
            in.write(big);
        }
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(big);
        assertThat(child.onExit().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aReaderToldThatBytesAreDueGetsThemAndOtherwiseWaitsOnThePollerAgain() throws Exception {
        SpawnedProcess child = spawner.spawn(List.of("cat"), env(), Optional.empty());
        java.util.concurrent.BlockingQueue<Integer> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                for (int b; (b = child.stdout().read()) >= 0; ) {
                    seen.add(b);
                }
            } catch (IOException e) {
                seen.add(-2);
            }
        });
        PolledStream stdout = (PolledStream) child.stdout();
        OutputStream in = child.stdin();
        for (int i = 0; i < 200; i++) {
            in.write('a' + i % 26);
            in.flush();
            stdout.bytesDueSoon();
            assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo('a' + i % 26);
        }
        // said to be due, but they come only after the reader has gone back to the poller
        stdout.bytesDueSoon();
        Thread.sleep(50);
        in.write('z');
        in.flush();
        assertThat(seen.poll(10, TimeUnit.SECONDS)).isEqualTo((int) 'z');
        in.close();
        reader.join(10_000);
        assertThat(reader.isAlive()).isFalse();
        assertThat(seen).isEmpty();
        assertThat(child.onExit().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aKilledChildReportsTheSignalAsTheJdkDoesAndItsStreamsEnd() throws Exception {
        SpawnedProcess child = spawner.spawn(List.of("sleep", "60"), env(), Optional.empty());
        assertThat(child.isAlive()).isTrue();
        assertThat(child.signal(true)).isTrue();
        assertThat(child.onExit().get(10, TimeUnit.SECONDS)).isEqualTo(128 + 9);
        assertThat(child.stdout().read()).isEqualTo(-1);
        assertThat(child.signal(false)).as("a reaped child is not signalled").isFalse();
        assertThatThrownBy(() -> child.stdin().write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void aMissingProgramFailsLikeTheJdkAndAScriptWithoutInterpreterLineRunsInTheShell() throws Exception {
        assertThatThrownBy(() -> spawner.spawn(List.of(dir.resolve("missing").toString()), env(), Optional.empty()))
                .isInstanceOf(IOException.class).hasMessageContaining("error=2, No such file or directory");
        Path script = dir.resolve("plain");
        Files.writeString(script, "echo from-sh\n");
        script.toFile().setExecutable(true);
        SpawnedProcess child = spawner.spawn(List.of(script.toString()), env(), Optional.empty());
        assertThat(new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("from-sh");
        assertThat(child.onExit().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void aChildThatExitsLeavingAGrandchildOnItsPipeEndsTheStreamAtItsExit() throws Exception {
        SpawnedProcess child = spawner.spawn(List.of("sh", "-c", "sleep 30 & echo done"), env(), Optional.empty());
        long started = System.nanoTime();
        assertThat(new String(child.stdout().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("done");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").equals("sleep 30")
                && p.parent().map(parent -> parent.pid() == 1 || parent.pid() == child.pid()).orElse(true)).forEach(ProcessHandle::destroy);
    }

    @Test
    void aThousandWaitingReadersOnVirtualThreadsHoldNoPlatformThread() throws Exception {
        int children = 1_000;
        int threadsBefore = Thread.activeCount();
        long carriersBefore = carriers();
        List<SpawnedProcess> started = new ArrayList<>();
        List<CompletableFuture<Integer>> reads = new ArrayList<>();
        try {
            for (int i = 0; i < children; i++) {
                SpawnedProcess child = spawner.spawn(List.of("cat"), env(), Optional.empty());
                started.add(child);
                CompletableFuture<Integer> read = new CompletableFuture<>();
                InputStream out = child.stdout();
                Thread.ofVirtual().start(() -> {
                    try {
                        read.complete(out.read());
                    } catch (IOException e) {
                        read.completeExceptionally(e);
                    }
                });
                reads.add(read);
            }
            Thread.sleep(500);
            long carriers = carriers() - carriersBefore;
            CompletableFuture<String> ran = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> ran.complete("ran"));
            assertThat(ran.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
            assertThat(carriers).as("carrier threads added").isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(Thread.activeCount() - threadsBefore).as("new platform threads").isLessThan(20);
            for (SpawnedProcess child : started) {
                child.stdin().write('x');
                child.stdin().close();
            }
            for (CompletableFuture<Integer> read : reads) {
                assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo('x');
            }
            for (SpawnedProcess child : started) {
                assertThat(child.onExit().get(20, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            started.forEach(child -> child.signal(true));
            started.forEach(child -> {
                try {
                    child.stdout().close();
                    child.stderr().close();
                } catch (IOException e) {
                    // closing a pipe does not fail
                }
            });
        }
    }

    /** @return the virtual-thread scheduler's carrier threads */
    private static long carriers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().matches("ForkJoinPool-\\d+-worker-\\d+")).count();
    }
}
