package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output without bounds, in a JVM whose heap is capped at 256 MB ({@link BoundedMemoryChild}): a
 * stdout line that never ends, a stderr line that never ends, and a flood of 256 MB of messages
 * read by a slow consumer. Each ends in a clear exception or its result, never an {@link
 * OutOfMemoryError}, and the JVM goes on to run an ordinary turn.
 */
class BoundedMemoryIT {

    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path dir;

    private record Run(String outcome, String alive, List<String> output, long ms) {
    }

    @Test
    void anEndlessStdoutLineFailsTheTurnWithAProtocolExceptionThatNamesTheLimit() throws Exception {
        Run run = run("stdout-line", "33554432", "epoll", List.of());
        assertThat(run.outcome()).as(run.output().toString()).startsWith("dev.claudecode.errors.ProtocolException | ")
                .contains("over the limit of 33554432 bytes (ClaudeCodeOptions.maxStdoutLineBytes)");
        assertAlive(run);
        Figures.record("faults", "endless stdout line, -Xmx256m, maxStdoutLineBytes 32 MiB", describe(run));
    }

    @Test
    void anEndlessStdoutLineUnderTheDefaultLimitFailsBeforeTheHeapRunsOut() throws Exception {
        for (String spawner : List.of("epoll", "jdk")) {
            Run run = run("stdout-line", "default", spawner, List.of());
            // the default limit (256 MiB) is more than this heap holds: the heap check comes first
            assertThat(run.outcome()).as(spawner + ": " + run.output()).startsWith("dev.claudecode.errors.ProtocolException | ")
                    .contains("does not fit in this JVM's heap").contains("ClaudeCodeOptions.maxStdoutLineBytes is 268435456 bytes");
            assertAlive(run);
            Figures.record("faults", "endless stdout line, -Xmx256m, default limit (" + spawner + " spawner)", describe(run));
        }
    }

    @Test
    void anEndlessStderrLineIsCutAndTheFailureOfTheCliCarriesItsHead() throws Exception {
        Run run = run("stderr-line", "default", "epoll", List.of("UNBOUNDED_BYTES=1073741824"));
        assertThat(run.outcome()).as(run.output().toString()).startsWith("dev.claudecode.errors.CliProcessException | ")
                .contains("exit OptionalInt[3]").contains("[line cut at 16384 bytes]");
        assertAlive(run);
        Figures.record("faults", "1 GiB stderr line without a newline, -Xmx256m", describe(run));
    }

    @Test
    void aFloodLargerThanTheHeapReachesASlowConsumerWhole() throws Exception {
        Run run = run("flood", "default", "epoll", List.of("FLOOD_MESSAGES=4000", "FLOOD_BYTES=65536"));
        assertThat(run.outcome()).as(run.output().toString()).isEqualTo("RESULT done | 4000 assistant messages, in order: true");
        assertAlive(run);
        Figures.record("faults", "flood of 4,000 messages of 64 KiB (256 MiB) to a slow consumer, -Xmx256m", describe(run));
    }

    private static void assertAlive(Run run) {
        assertThat(run.alive()).as(run.output().toString()).startsWith("done | heap peak ");
        assertThat(String.join("\n", run.output())).doesNotContain("OutOfMemoryError");
    }

    private static String describe(Run run) {
        String outcome = run.outcome().length() > 300 ? run.outcome().substring(0, 300) + "…" : run.outcome();
        String took = find(run.output(), "TOOK ").orElse("?");
        return outcome + " after " + took + "; then an ordinary turn: " + run.alive();
    }

    private Run run(String mode, String cap, String spawner, List<String> env) throws IOException, InterruptedException {
        Path cli = StandIns.install(java.nio.file.Files.createTempDirectory(dir, mode), "unbounded-output.sh");
        String javaCommand = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(javaCommand, HEAP, "--enable-native-access=ALL-UNNAMED",
                "-Dclaudecode.process.spawner=" + spawner, "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp", System.getProperty("java.class.path"), BoundedMemoryChild.class.getName(), cli.toString(), mode, dir.toString(), cap)
                .redirectErrorStream(true);
        for (String variable : env) {
            int eq = variable.indexOf('=');
            builder.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
        }
        long started = System.nanoTime();
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line.length() > 20_000 ? line.substring(0, 20_000) + "…" : line);
                    }
                }
            } catch (IOException e) {
                synchronized (output) {
                    output.add("[reading the child failed: " + e + "]");
                }
            }
        });
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        reader.join(10_000);
        List<String> lines;
        synchronized (output) {
            lines = List.copyOf(output);
        }
        assertThat(exited).as("the child JVM ended within 3 minutes: " + lines).isTrue();
        assertThat(process.exitValue()).as("the child JVM's exit status: " + lines).isZero();
        String outcome = find(lines, "OUTCOME ").orElseThrow(() -> new AssertionError("no outcome: " + lines));
        String alive = find(lines, "ALIVE ").orElseThrow(() -> new AssertionError("the JVM did not go on: " + lines));
        return new Run(outcome, alive, lines, (System.nanoTime() - started) / 1_000_000);
    }

    private static Optional<String> find(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).findFirst();
    }
}
