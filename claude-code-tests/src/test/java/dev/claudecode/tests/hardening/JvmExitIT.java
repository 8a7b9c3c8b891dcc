package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that ends with live sessions leaves no CLI behind: child JVMs start sessions on the real
 * CLI (one of them mid-turn) and then call {@code System.exit}, die of an uncaught exception, or
 * get SIGTERM; a fourth gets SIGKILL with idle sessions, where no shutdown hook runs and the CLIs
 * end because their input closes. The parent finds the CLIs by a variable in their environment.
 */
class JvmExitIT {

    private static final Duration LEFTOVER_LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private record Ending(String name, String argument, String sessions, int expectedStatus) {
    }

    private record Child(Ending ending, Process process, String marker, List<String> output, CompletableFuture<Long> exitedAt) {
    }

    @Test
    void noCliOutlivesAJvmThatExitsWithLiveSessions() throws Exception {
        List<Ending> endings = List.of(
                new Ending("System.exit", "exit", "busy", 0),
                new Ending("uncaught exception in main", "uncaught", "busy", 1),
                new Ending("SIGTERM", "wait", "busy", 143),
                new Ending("SIGKILL (idle sessions)", "wait", "idle", 137));
        // a reply that streams for a minute keeps the busy session's turn running
        Reply slow = Reply.builder().text("slow ".repeat(600)).textChunkSize(5).eventDelay(Duration.ofMillis(100)).build();
        try (FakeClaudeApi api = FakeClaudeApi.builder().defaultReply(slow).start()) {
            List<Child> children = new ArrayList<>();
            try {
                for (Ending ending : endings) {
                    children.add(start(api, ending));
                }
                for (Child child : children) {
                    List<Long> clis = awaitReady(child);
                    assertThat(clis).as(child.ending().name()).hasSizeGreaterThanOrEqualTo(2);
                    switch (child.ending().name()) {
                        case "SIGTERM" -> child.process().destroy();
                        case "SIGKILL (idle sessions)" -> child.process().destroyForcibly();
                        default -> {
                            // the child ends on its own
                        }
                    }
                }
                for (Child child : children) {
                    assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).as(child.ending().name()).isTrue();
                    long exitedAt = child.exitedAt().get(5, TimeUnit.SECONDS);
                    assertThat(child.process().exitValue()).as(child.ending().name() + "; output: " + child.output())
                            .isEqualTo(child.ending().expectedStatus());
                    boolean noneLeft = Procs.await(LEFTOVER_LIMIT.toMillis(),
                            () -> Procs.withEnv("HARDENING_MARKER", child.marker()).isEmpty());
                    // the last CLI was gone by then; the figure is an upper bound
                    long goneAfterMs = (System.nanoTime() - exitedAt) / 1_000_000;
                    Figures.record("faults", "JVM exits with live sessions: " + child.ending().name(), noneLeft
                            ? "no CLI process left within " + goneAfterMs + " ms of the JVM's exit"
                            : "CLI processes left: " + Procs.withEnv("HARDENING_MARKER", child.marker()));
                    assertThat(noneLeft).as(child.ending().name() + ": processes left "
                            + Procs.withEnv("HARDENING_MARKER", child.marker())).isTrue();
                }
            } finally {
                for (Child child : children) {
                    child.process().destroyForcibly();
                    Procs.withEnv("HARDENING_MARKER", child.marker())
                            .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                }
            }
        }
    }

    private Child start(FakeClaudeApi api, Ending ending) throws IOException {
        String marker = UUID.randomUUID().toString();
        Path cwd = Files.createDirectories(dir.resolve(ending.argument() + "-" + ending.sessions() + "-" + marker));
        String javaCommand = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", LiveSessionsChild.class.getName(),
                ending.argument(), "2", cwd.toString(), ending.sessions())
                .redirectErrorStream(true);
        builder.environment().putAll(api.environment());
        builder.environment().put("HARDENING_MARKER", marker);
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Process process = builder.start();
        CompletableFuture<Long> exitedAt = process.onExit().thenApply(p -> System.nanoTime());
        Child child = new Child(ending, process, marker, output, exitedAt);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.process().getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("[reading the child failed: " + e + "]");
            }
        });
        return child;
    }

    /** Waits for the child's READY line. @return the CLI processes it reported */
    private static List<Long> awaitReady(Child child) throws InterruptedException {
        CompletableFuture<String> ready = new CompletableFuture<>();
        boolean seen = Procs.await(60_000, () -> {
            synchronized (child.output()) {
                child.output().stream().filter(line -> line.startsWith("READY ")).findFirst().ifPresent(ready::complete);
            }
            return ready.isDone() || !child.process().isAlive();
        });
        assertThat(seen && ready.isDone()).as(child.ending().name() + " did not get ready: " + child.output()).isTrue();
        String list = ready.join().substring("READY ".length()).replaceAll("[\\[\\] ]", "");
        return list.isEmpty() ? List.of() : Arrays.stream(list.split(",")).map(Long::parseLong).toList();
    }
}
