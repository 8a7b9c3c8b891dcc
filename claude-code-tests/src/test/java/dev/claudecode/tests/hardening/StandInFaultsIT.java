package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.errors.ClaudeCodeException;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.control.Health;
import dev.claudecode.errors.InactivityTimeoutException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.errors.CliNotFoundException;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.UnknownMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.testkit.ProcessTable;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults played by stand-in CLIs (shell scripts in {@code src/test/resources/fake-cli}): a CLI that
 * cannot start, that writes garbage between its messages, that closes its input or its output,
 * that floods a slow consumer, that writes a 256 MB line, or that hangs silent. In every case the
 * caller gets its messages, then a clear exception or the documented recovery, and nothing hangs.
 */
class StandInFaultsIT {

    private static final String AREA = "faults";

    @TempDir
    Path dir;

    private final String marker = UUID.randomUUID().toString();

    private ClaudeCodeOptions.Builder options(Path cli) {
        return ClaudeCodeOptions.builder().cliPath(cli).cwd(dir).env("HARDENING_MARKER", marker)
                .controlTimeout(Duration.ofSeconds(2));
    }

    private List<Long> cliProcesses() {
        return Procs.withEnv("HARDENING_MARKER", marker);
    }

    // ---------------------------------------------------------------- start

    @Test
    void aFileThatIsNotExecutableIsReportedAtStart() throws Exception {
        Path cli = Files.writeString(dir.resolve("claude"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> ClaudeCode.start(options(cli).build()))
                .isInstanceOf(CliNotFoundException.class)
                .hasMessageContaining(cli.toString()).hasMessageContaining("is not an executable file");
        assertThat(cliProcesses()).isEmpty();
        Figures.record(AREA, "start: non-executable file", "CliNotFoundException at ClaudeCode.start, no process");
    }

    @Test
    void aCliWhoseInterpreterIsMissingIsReportedAtStart() {
        Path cli = StandIns.install(dir, "bad-interpreter.sh");

        assertThatThrownBy(() -> ClaudeCode.start(options(cli).build()))
                .isInstanceOf(CliProcessException.class)
                .hasMessageContaining("cannot start the Claude Code CLI").hasMessageContaining("No such file or directory");
        Figures.record(AREA, "start: missing interpreter", "CliProcessException at ClaudeCode.start");
    }

    @Test
    void aCliThatExitsAtOnceFailsTheTurnWithItsStatusAndStderr() throws Exception {
        Path cli = StandIns.install(dir, "exit-at-start.sh");
        try (Session session = ClaudeCode.start(options(cli).build())) {
            assertThatThrownBy(() -> session.query("hello"))
                    .isInstanceOfSatisfying(CliProcessException.class, e -> {
                        assertThat(e.exitStatus()).hasValue(3);
                        assertThat(e.stderrTail()).contains("configuration directory is not writable");
                    });
            // the failure is not sticky: the session tries again, and fails again the same way
            assertThatThrownBy(() -> session.query("again")).isInstanceOf(CliProcessException.class);
        }
        Figures.record(AREA, "start: CLI exits at once (status 3)", "CliProcessException with exit status 3 and stderr tail");
    }

    @Test
    void anExecutableThatIsNoProgramFailsTheTurnWithTheShellsComplaint() throws Exception {
        // the JDK runs a file the kernel cannot execute with /bin/sh, which rejects it
        Path cli = dir.resolve("claude");
        Files.write(cli, new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 'x', 0, 0});
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwx------"));
        try (Session session = ClaudeCode.start(options(cli).build())) {
            assertThatThrownBy(() -> session.query("hello"))
                    .isInstanceOfSatisfying(CliProcessException.class, e -> assertThat(e.exitStatus()).hasValue(127));
        }
        Figures.record(AREA, "start: executable garbage", "CliProcessException with exit status 127 and the shell's message");
    }

    // ---------------------------------------------------------------- bad output

    @Test
    void garbageTruncatedAndUnknownLinesAreReportedAndNoMessageIsLost() {
        Path cli = StandIns.install(dir, "noisy.sh");
        int turns = 3;
        List<Long> pids = new ArrayList<>();
        List<String> warnings;
        try (LogCapture log = LogCapture.start(); Session session = ClaudeCode.start(options(cli).build())) {
            for (int turn = 0; turn < turns; turn++) {
                List<Message> messages = session.stream("go").stream().toList();
                assertThat(messages).hasSize(7);
                assertThat(messages.get(0)).isInstanceOf(InitMessage.class);
                assertThat(((AssistantMessage) messages.get(1)).text()).isEqualTo("one");
                assertThat(messages.get(2)).isInstanceOfSatisfying(UnknownMessage.class, unknown -> {
                    assertThat(unknown.type()).isEqualTo("brand_new_message_type");
                    assertThat(unknown.raw()).containsEntry("summary", "ran 2 tools");
                });
                assertThat(messages.get(3)).isInstanceOfSatisfying(UnknownSystemMessage.class,
                        unknown -> assertThat(unknown.subtype()).isEqualTo("brand_new_subtype"));
                assertThat(messages.get(4)).isInstanceOfSatisfying(AssistantMessage.class, wrong -> {
                    assertThat(wrong.uuid()).contains("u-wrong");
                    assertThat(wrong.content()).isEmpty();
                });
                assertThat(((AssistantMessage) messages.get(5)).text()).isEqualTo("two");
                assertThat(((ResultMessage) messages.get(6)).result()).contains("done");
                pids.addAll(cliProcesses());
            }
            warnings = log.lines().stream().filter(line -> line.contains("WARN") && line.contains("the CLI wrote")).toList();
        }
        // one CLI process served every turn: bad lines do not end a session
        assertThat(pids).hasSize(turns).containsOnly(pids.getFirst());
        // six lines per turn are not protocol messages: text, truncated JSON, null, an array,
        // invalid UTF-8 and a raw NUL byte; blank lines, keep_alive and stray answers are ignored
        assertThat(warnings).hasSize(6 * turns);
        assertThat(warnings).anyMatch(w -> w.contains("this is not json")).anyMatch(w -> w.contains("not a JSON object"));
        Figures.record(AREA, "stdout garbage between messages", String.format(
                "%d turns on one process: %d messages each (2 unknown kept as Unknown*), %d bad lines reported, 0 lost",
                turns, 7, warnings.size()));
    }

    // ---------------------------------------------------------------- closed streams

    @Test
    void aCliThatClosesItsInputButKeepsRunningIsStoppedAndTheNextTurnStartsANewOne() throws Exception {
        Path cli = StandIns.install(dir, "deaf-after-turn.sh");
        try (Session session = ClaudeCode.start(options(cli).env("DEAF_ONCE", dir.resolve("deaf-once").toString()).build())) {
            assertThat(session.query("first").result()).contains("heard you");
            // the stand-in is execing its sleep just now: the scan must still find it
            List<Long> first = cliProcesses();
            assertThat(first).as("processes with the marker %s", Procs.describeWithEnv("HARDENING_MARKER", marker)).hasSize(1);

            long started = System.nanoTime();
            assertThatThrownBy(() -> session.query("second"))
                    .isInstanceOf(CliProcessException.class)
                    .hasMessageContaining("stopped reading its input but kept running");
            long failedAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(Procs.await(5_000, () -> !Procs.isAlive(first.getFirst()))).isTrue();

            assertThat(session.query("third").result()).contains("heard you");
            // the session names the CLI that answered; say what ran when that is not the one expected
            Health health = session.health();
            String seen = "health " + health + ", processes with the marker " + Procs.describeWithEnv("HARDENING_MARKER", marker);
            assertThat(health.pid()).as(seen).isPresent();
            long second = health.pid().getAsLong();
            assertThat(second).as(seen).isNotEqualTo(first.getFirst());
            assertThat(cliProcesses()).as(seen).containsExactly(second);
            Figures.record(AREA, "CLI closes its stdin and keeps running",
                    "the next write fails in " + failedAfterMs + " ms with CliProcessException, the CLI is stopped, the turn after runs on a new CLI");
        }
    }

    @Test
    void aCliThatClosesItsOutputMidTurnFailsTheTurnAfterTheMessagesItWrote() throws Exception {
        Path cli = StandIns.install(dir, "mute-mid-turn.sh");
        try (Session session = ClaudeCode.start(options(cli).build())) {
            List<Message> received = new ArrayList<>();
            long started = System.nanoTime();
            try (MessageStream turn = session.stream("talk")) {
                assertThatThrownBy(() -> turn.forEach(received::add))
                        .isInstanceOf(CliProcessException.class)
                        .hasMessageContaining("closed its output but kept running");
            }
            long failedAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(received).hasSize(2);
            assertThat(received.get(0)).isInstanceOf(InitMessage.class);
            assertThat(((AssistantMessage) received.get(1)).text()).isEqualTo("before the silence");
            assertThat(Procs.await(5_000, () -> cliProcesses().isEmpty())).isTrue();

            // the next turn starts a new CLI, which gets as far as the first one did
            try (MessageStream next = session.stream("again")) {
                Iterator<Message> messages = next.iterator();
                assertThat(messages.next()).isInstanceOf(InitMessage.class);
            }
            Figures.record(AREA, "CLI closes its stdout mid-turn and keeps running",
                    "2 of 2 messages delivered, then CliProcessException after " + failedAfterMs + " ms; next turn on a new CLI");
        }
    }

    @Test
    void aCliThatExitsLeavingAChildBehindFailsTheTurnAndTheChildIsEnded() throws Exception {
        Path cli = StandIns.install(dir, "exit-leaving-child.sh");
        try (Session session = ClaudeCode.start(options(cli).build())) {
            List<Message> received = new ArrayList<>();
            long started = System.nanoTime();
            try (MessageStream turn = session.stream("hello")) {
                assertThatThrownBy(() -> turn.forEach(received::add))
                        .isInstanceOfSatisfying(CliProcessException.class, e -> {
                            assertThat(e.exitStatus()).hasValue(1);
                            assertThat(e.stderrTail()).contains("leaving a child behind");
                        });
            }
            long failedAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(received).hasSize(1).first().isInstanceOf(InitMessage.class);
            // the child holds the CLI's output for two minutes: the exit is reported without waiting for it
            assertThat(failedAfterMs).isLessThan(30_000);
            assertThat(Procs.await(5_000, () -> cliProcesses().isEmpty()))
                    .as("the child was ended: %s", cliProcesses().stream().map(ProcessTable::arguments).toList()).isTrue();
            Figures.record(AREA, "CLI exits (status 1) leaving a child that holds its stdout", "CliProcessException (exit 1) "
                    + failedAfterMs + " ms after the turn began; the child, re-parented, was found and ended");
        }
    }

    // ---------------------------------------------------------------- volume

    @Test
    void aSlowConsumerOfAFloodLosesNothingAndControlRequestsFlowMeanwhile() throws Exception {
        int count = 20_000;
        int requestEvery = 1_000;
        Path cli = StandIns.install(dir, "flood.sh");
        AtomicLong heard = new AtomicLong();
        try (Session session = ClaudeCode.start(options(cli).env("FLOOD_MESSAGES", Integer.toString(count))
                .env("FLOOD_REQUEST_EVERY", Integer.toString(requestEvery)).controlTimeout(Duration.ofSeconds(10)).build())) {
            session.addListener(message -> heard.incrementAndGet());
            List<Integer> numbers = new ArrayList<>(count);
            long backlogAtInterrupt = -1;
            double interruptMs = -1;
            ResultMessage result = null;
            try (MessageStream turn = session.stream("flood me")) {
                int read = 0;
                for (Message message : turn) {
                    read++;
                    if (message instanceof AssistantMessage assistant) {
                        String text = assistant.text();
                        numbers.add(Integer.parseInt(text.substring(0, text.indexOf(' '))));
                    } else if (message instanceof ResultMessage done) {
                        result = done;
                    }
                    if (read % 100 == 0) {
                        Thread.sleep(10); // the slow consumer
                    }
                    if (read == count / 4) {
                        // the consumer stalls until the reader has taken the whole flood off the pipe
                        assertThat(Procs.await(30_000, () -> heard.get() > count)).isTrue();
                        backlogAtInterrupt = heard.get() - read;
                        long started = System.nanoTime();
                        session.interrupt();
                        interruptMs = (System.nanoTime() - started) / 1e6;
                    }
                }
            }
            List<Integer> expected = java.util.stream.IntStream.range(0, count).boxed().toList();
            assertThat(numbers).isEqualTo(expected);
            assertThat(result).isNotNull();
            assertThat(result.result()).contains("sent=" + count / requestEvery + " answered=" + count / requestEvery + " interrupted=1");
            // the reader was far ahead of the consumer when the interrupt went out and came back
            assertThat(backlogAtInterrupt).isPositive();
            Figures.record(AREA, "slow consumer, flooding CLI, control requests both ways", String.format(
                    "%,d messages in order, 0 lost; %d CLI requests answered meanwhile; interrupt answered in %.1f ms with %,d messages queued",
                    numbers.size(), count / requestEvery, interruptMs, backlogAtInterrupt));
        }
    }

    @Test
    void a256MegabyteLineArrivesWholeAndItsMemoryIsReturned() throws Exception {
        int size = 256 * 1024 * 1024;
        Path cli = StandIns.install(dir, "huge-line.sh");
        long heapBefore = Procs.usedHeapAfterGc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long elapsedMs = readAHugeTurnAndASmallOne(cli, size);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        long heapAfter = Procs.usedHeapAfterGc();
        assertThat(heapAfter - heapBefore).isLessThan(64L * 1024 * 1024);
        Figures.record(AREA, "256 MB stdout line", String.format(
                "arrived whole in %,d ms, heap peak about %,d MB; after the session %+,d KB vs before",
                elapsedMs, peak / (1024 * 1024), (heapAfter - heapBefore) / 1024));
    }

    /** In a method of its own, so that no local of the caller's frame keeps the text reachable. */
    private long readAHugeTurnAndASmallOne(Path cli, int size) {
        long started = System.nanoTime();
        // the text and its JSON make a line a little longer than the default limit of 256 MiB
        try (Session session = ClaudeCode.start(options(cli).env("HUGE_LINE_BYTES", Integer.toString(size))
                .maxStdoutLineBytes(size + 1024 * 1024).build())) {
            try (MessageStream turn = session.stream("big")) {
                Iterator<Message> messages = turn.iterator();
                assertThat(messages.next()).isInstanceOf(InitMessage.class);
                String text = ((AssistantMessage) messages.next()).text();
                assertThat(text).hasSize(size);
                assertThat(text.charAt(0)).isEqualTo('x');
                assertThat(text.charAt(size - 1)).isEqualTo('x');
                assertThat(((ResultMessage) messages.next()).result()).contains("done");
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            // the session goes on with ordinary lines
            assertThat(session.query("small").result()).contains("done");
            return elapsedMs;
        }
    }

    // ---------------------------------------------------------------- hangs

    @Test
    void closingTheStreamEndsTheWaitForACliThatHangsSilent() throws Exception {
        Path cli = StandIns.install(dir, "silent.sh");
        try (Session session = ClaudeCode.start(options(cli).build())) {
            MessageStream turn = session.stream("hello");
            Iterator<Message> messages = turn.iterator();
            assertThat(messages.next()).isInstanceOf(InitMessage.class);
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(messages::hasNext);
            Thread.sleep(300);
            assertThat(waiting).isNotDone();

            long started = System.nanoTime();
            turn.close();
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
            Figures.record(AREA, "CLI hangs silent: close the stream",
                    "the waiting iterator ends in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    @Test
    void interruptingTheWaitingThreadEndsTheWaitForACliThatHangsSilent() throws Exception {
        Path cli = StandIns.install(dir, "silent.sh");
        try (Session session = ClaudeCode.start(options(cli).build()); MessageStream turn = session.stream("hello")) {
            Iterator<Message> messages = turn.iterator();
            assertThat(messages.next()).isInstanceOf(InitMessage.class);
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    messages.hasNext();
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            Thread.sleep(300);
            long started = System.nanoTime();
            waiter.interrupt();
            assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ClaudeCodeException.class)
                    .hasMessageContaining("interrupted");
            Figures.record(AREA, "CLI hangs silent: interrupt the waiting thread",
                    "ClaudeCodeException in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    @Test
    void stoppingTheSessionEndsTheWaitAndTheProcessOfACliThatHangsDeaf() throws Exception {
        Path cli = StandIns.install(dir, "silent.sh");
        Session session = ClaudeCode.start(options(cli).env("SILENT_DEAF", "1").build());
        MessageStream turn = session.stream("hello");
        Iterator<Message> messages = turn.iterator();
        assertThat(messages.next()).isInstanceOf(InitMessage.class);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(messages::hasNext);
        Thread.sleep(300);
        List<Long> pids = cliProcesses();
        assertThat(pids).hasSize(1);

        long started = System.nanoTime();
        session.stop();
        long stopMs = (System.nanoTime() - started) / 1_000_000;
        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SessionClosedException.class);
        assertThat(Procs.isAlive(pids.getFirst())).isFalse();
        Figures.record(AREA, "CLI hangs deaf (reads nothing, writes nothing): stop the session",
                "the wait ends with SessionClosedException; stop() returned in " + stopMs + " ms, process gone");
    }

    /**
     * An inactivity timeout (off by default) ends a turn whose CLI writes nothing for that long:
     * the turn fails with an {@link InactivityTimeoutException} after the messages that did arrive,
     * the silent CLI is stopped, and the next turn starts a new one.
     */
    @Test
    void anInactivityTimeoutEndsATurnWhoseCliHangsSilent() throws Exception {
        Path cli = StandIns.install(dir, "silent.sh");
        Duration limit = Duration.ofSeconds(2);
        try (Session session = ClaudeCode.start(options(cli).inactivityTimeout(limit).build())) {
            List<Message> received = new ArrayList<>();
            long started = System.nanoTime();
            try (MessageStream turn = session.stream("hello")) {
                assertThatThrownBy(() -> turn.forEach(received::add))
                        .isInstanceOfSatisfying(InactivityTimeoutException.class, e -> {
                            assertThat(e.timeout()).isEqualTo(limit);
                            assertThat(e).hasMessageContaining("wrote no output for 2 s");
                        });
            }
            long failedAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(received).hasSize(1).first().isInstanceOf(InitMessage.class);
            assertThat(failedAfterMs).isGreaterThanOrEqualTo(limit.toMillis());
            List<Long> hung = cliProcesses();
            assertThat(Procs.await(5_000, () -> hung.stream().noneMatch(Procs::isAlive))).isTrue();

            // the old CLI is gone, so the next turn's messages come from a new one
            try (MessageStream next = session.stream("again")) {
                assertThat(next.iterator().next()).isInstanceOf(InitMessage.class);
            }
            Figures.record(AREA, "CLI hangs silent: inactivity timeout of 2 s", String.format(
                    "InactivityTimeoutException %,d ms after the turn began, after the 1 message that came; CLI stopped; "
                            + "next turn on a new CLI", failedAfterMs));
        }
    }
}
