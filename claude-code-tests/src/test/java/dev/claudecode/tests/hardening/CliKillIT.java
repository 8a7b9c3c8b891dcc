package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.message.stream.ContentBlockDelta;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.ProcessTable;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real CLI killed mid-turn with SIGKILL and with SIGTERM. The CLI runs behind a wrapper that
 * copies its stdout to a file, so the test knows every line it wrote before it died: each of them
 * reaches the caller, in order, before the turn fails with a {@link CliProcessException} that
 * names the exit status, and the next turn resumes the conversation in a new CLI.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class CliKillIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGKILL", "SIGTERM"})
    void aCliKilledMidTurnDeliversEveryLineItWroteThenFailsAndTheNextTurnResumes(String signal, FakeClaudeApi api)
            throws Exception {
        Path copy = dir.resolve("stdout.jsonl");
        String marker = UUID.randomUUID().toString();
        Path cwd = Files.createDirectories(dir.resolve("work"));
        api.enqueue(Reply.text("before"),
                Reply.builder().text("never ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(40)).build(),
                Reply.text("after"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(StandIns.install(dir, "tee-stdout.sh")).cwd(cwd)
                .env(api.environment()).env("REAL_CLI", TestCli.path().toString()).env("STDOUT_COPY", copy.toString())
                .env("HARDENING_MARKER", marker).includePartialMessages(true).build();
        List<Message> heard = Collections.synchronizedList(new ArrayList<>());

        try (Session session = ClaudeCode.start(options)) {
            session.addListener(heard::add);
            session.query("first question");
            String sessionId = session.sessionId().orElseThrow();
            // the listener runs on a thread of its own: wait until it has the first turn's result
            assertThat(Procs.await(10_000, () -> indexOfFirstResult(heard) >= 0)).isTrue();
            int firstTurn = indexOfFirstResult(heard) + 1;

            List<Message> turnMessages = new ArrayList<>();
            long pid;
            long killedAt;
            int readBeforeKill;
            try (MessageStream doomed = session.stream("second question")) {
                Iterator<Message> messages = doomed.iterator();
                readUntilStreaming(messages, turnMessages);
                // leave some messages unread in the queue when the CLI dies
                readBeforeKill = turnMessages.size();
                int unread = 10;
                assertThat(Procs.await(10_000, () -> heard.size() >= firstTurn + readBeforeKill + unread)).isTrue();
                pid = Procs.cli(marker);
                killedAt = System.nanoTime();
                ProcessHandle cli = ProcessHandle.of(pid).orElseThrow();
                boolean sent = signal.equals("SIGKILL") ? cli.destroyForcibly() : cli.destroy();
                assertThat(sent).isTrue();

                assertThatThrownBy(() -> messages.forEachRemaining(turnMessages::add))
                        .isInstanceOfSatisfying(CliProcessException.class, e -> {
                            assertThat(e.exitStatus()).hasValue(signal.equals("SIGKILL") ? 137 : 143);
                            assertThat(e).hasMessageContaining("exited unexpectedly, killed by " + signal);
                        });
            }
            long failedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;

            // every line the CLI wrote reached the caller, in order: the whole session through
            // the listener, and this turn's through its stream, the unread ones included
            List<Map<String, Object>> written = messagesWritten(copy);
            assertThat(Procs.await(10_000, () -> heard.size() >= written.size())).isTrue();
            int heardAtFailure = heard.size();
            assertThat(raw(heard)).isEqualTo(written);
            assertThat(raw(turnMessages)).isEqualTo(written.subList(firstTurn, written.size()));
            int deliveredAfterKill = turnMessages.size() - readBeforeKill;
            assertThat(deliveredAfterKill).isGreaterThanOrEqualTo(10);

            assertThat(session.stream("third question").finalText()).isEqualTo("after");
            assertThat(session.sessionId()).contains(sessionId);
            assertThat(Procs.cli(marker)).isNotEqualTo(pid);
            Figures.record("faults", "real CLI killed mid-turn with " + signal, String.format(
                    "%d of %d message lines the CLI wrote delivered (%d of this turn's after the kill), CliProcessException (exit %d) %d ms "
                            + "after the signal; next turn resumed session",
                    heardAtFailure, written.size(), deliveredAfterKill, signal.equals("SIGKILL") ? 137 : 143,
                    failedAfterMs));
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("first question", "third question");
    }

    @org.junit.jupiter.api.Test
    void aCliKilledWhileAToolRunsLeavesNoProcessOfTheTool(FakeClaudeApi api) throws Exception {
        String marker = UUID.randomUUID().toString();
        Path cwd = Files.createDirectories(dir.resolve("work"));
        // not a leading sleep: 2.1.332 refuses a command that starts with a long sleep ("Blocked: sleep 30
        // followed by ...", it points the model at Monitor), so the sleep comes second
        api.enqueue(Reply.toolUse("Bash", Map.of("command", "echo start; sleep 30; echo slept", "description", "Sleep")), Reply.text("done"),
                Reply.text("after"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment())
                .env("HARDENING_MARKER", marker).allowedTools("Bash").build();
        try (Session session = ClaudeCode.start(options)) {
            MessageStream turn = session.stream("sleep a while");
            Iterator<Message> messages = turn.iterator();
            long cli = cliPidOf(marker);
            assertThat(Procs.await(20_000, () -> toolProcesses(marker, cli).size() > 0)).as("the tool started").isTrue();
            List<Long> tool = toolProcesses(marker, cli);
            long killedAt = System.nanoTime();
            ProcessHandle.of(cli).orElseThrow().destroyForcibly();
            assertThatThrownBy(() -> messages.forEachRemaining(m -> { })).isInstanceOf(CliProcessException.class);
            long failedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
            boolean toolGone = Procs.await(5_000, () -> tool.stream().noneMatch(Procs::isAlive));
            Figures.record("faults", "real CLI killed with SIGKILL while a Bash tool runs", String.format(
                    "turn failed %d ms after the signal; %d tool process(es) %s", failedAfterMs, tool.size(),
                    toolGone ? "ended" : "left running"));
            assertThat(toolGone).as("tool processes %s still running", tool).isTrue();
        }
    }

    /** The CLI's descendants once the tool's {@code sleep} runs among them: its shell and the sleep. */
    private static List<Long> toolProcesses(String marker, long cli) {
        List<ProcessHandle> descendants = ProcessHandle.of(cli).map(p -> p.descendants().toList()).orElse(List.of());
        boolean sleeping = descendants.stream().anyMatch(p -> ProcessTable.arguments(p.pid()).equals(List.of("sleep", "30")));
        return sleeping ? descendants.stream().map(ProcessHandle::pid).toList() : List.of();
    }

    private static long cliPidOf(String marker) throws InterruptedException {
        assertThat(Procs.await(10_000, () -> !Procs.withEnv("HARDENING_MARKER", marker).isEmpty())).isTrue();
        return Procs.cli(marker);
    }

    private static void readUntilStreaming(Iterator<Message> messages, List<Message> into) {
        while (messages.hasNext()) {
            Message message = messages.next();
            into.add(message);
            if (message instanceof StreamEventMessage event && event.event() instanceof ContentBlockDelta) {
                return;
            }
        }
        throw new AssertionError("the turn ended before its answer streamed");
    }

    private static int indexOfFirstResult(List<Message> messages) {
        synchronized (messages) {
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i) instanceof ResultMessage) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The lines of the stdout copy that are messages (not control lines), complete lines only. */
    private static List<Map<String, Object>> messagesWritten(Path copy) throws IOException {
        String text = Files.readString(copy, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        return complete.lines().filter(line -> !line.isBlank()).map(line -> Json.toMap(Json.parse(line)))
                .filter(line -> !String.valueOf(line.get("type")).startsWith("control_"))
                .filter(line -> !"keep_alive".equals(line.get("type")))
                .toList();
    }

    private static List<Map<String, Object>> raw(List<Message> messages) {
        synchronized (messages) {
            return messages.stream().map(Message::raw).toList();
        }
    }
}
