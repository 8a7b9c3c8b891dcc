package dev.claudecode.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.cli.CliVersionRange;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.ControlException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.control.Health;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpConnectionStatus;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.message.AssistantMessage;
import dev.claudecode.message.Message;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.ProcessTable;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.Transcripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real CLI killed (SIGKILL, SIGTERM) while a request is open between it and the library: while
 * a Java callback answers the CLI's {@code can_use_tool} or {@code hook_callback} request, and
 * while the library waits for the CLI's answer to a control request ({@code mcp_reconnect} of an
 * MCP server that never finishes connecting). The caller gets a {@link CliProcessException} that
 * names the signal, nothing hangs, the callback's thread is interrupted and ends, and the next turn
 * resumes the conversation in a new CLI.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class CliKillMidRequestIT {

    private static final String AREA = "faults";

    @TempDir
    Path dir;

    private final String marker = UUID.randomUUID().toString();

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) throws Exception {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(Files.createDirectories(dir.resolve("work")))
                .env(api.environment()).env("HARDENING_MARKER", marker);
    }

    @ParameterizedTest(name = "{0} while {1} runs")
    @CsvSource({"SIGKILL, canUseTool", "SIGTERM, canUseTool", "SIGKILL, hook", "SIGTERM, hook"})
    void aCliKilledWhileACallbackRunsFailsTheTurnEndsTheCallbackAndTheNextTurnResumes(String signal, String callback,
            FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("before"), Reply.toolUse("Bash", Map.of("command", "touch x.txt", "description", "Create")),
                Reply.text("after"));
        CompletableFuture<Thread> entered = new CompletableFuture<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        ClaudeCodeOptions.Builder options = options(api);
        if (callback.equals("canUseTool")) {
            options.canUseTool(request -> {
                blockUntilInterrupted(entered, interrupted);
                return PermissionResult.allow();
            });
        } else {
            options.hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> {
                blockUntilInterrupted(entered, interrupted);
                return HookOutput.empty();
            }));
        }
        try (Session session = ClaudeCode.start(options.build())) {
            assertThat(session.query("first question").result()).contains("before");
            String sessionId = session.sessionId().orElseThrow();
            assertThat(Procs.await(10_000, () -> Transcripts.holds(session::messages, "before"))).isTrue();

            List<Message> received = new ArrayList<>();
            long killedAt;
            try (MessageStream turn = session.stream("second question")) {
                Thread callbackThread = entered.get(60, TimeUnit.SECONDS);
                long cli = Procs.cli(marker);
                killedAt = System.nanoTime();
                signal(cli, signal);
                assertThatThrownBy(() -> turn.forEach(received::add))
                        .isInstanceOfSatisfying(CliProcessException.class, e -> {
                            assertThat(e.exitStatus()).hasValue(exitStatus(signal));
                            assertThat(e).hasMessageContaining("killed by " + signal);
                        });
                long failedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
                // the callback was interrupted and its thread ended
                assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the callback was interrupted").isTrue();
                callbackThread.join(Duration.ofSeconds(10));
                assertThat(callbackThread.isAlive()).as("the callback's thread ended").isFalse();
                // what the CLI wrote before it died was delivered: the tool use the callback was about
                assertThat(received).anySatisfy(message -> assertThat(message).isInstanceOfSatisfying(AssistantMessage.class,
                        assistant -> assertThat(assistant.content()).hasAtLeastOneElementOfType(ToolUseBlock.class)));
                assertThat(Procs.await(5_000, () -> !Procs.isAlive(cli))).isTrue();

                assertThat(session.query("third question").result()).contains("after");
                assertThat(session.sessionId()).contains(sessionId);
                Figures.record(AREA, "real CLI killed with " + signal + " while a " + callback + " callback runs", String.format(
                        "CliProcessException (exit %d) %d ms after the signal, after %d messages of the turn; callback interrupted, "
                                + "its thread ended; next turn resumed the session", exitStatus(signal), failedAfterMs, received.size()));
            }
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("first question", "third question");
        assertThat(Files.exists(dir.resolve("work/x.txt"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGKILL", "SIGTERM"})
    void aCliKilledWhileAControlRequestWaitsForItsAnswerFailsTheCallAndTheNextTurnResumes(String signal, FakeClaudeApi api)
            throws Exception {
        // an MCP server that fails at once while the flag file is missing, and never answers once it exists
        Path hang = dir.resolve("hang");
        Path server = Files.writeString(dir.resolve("mcp-server.sh"),
                "#!/bin/sh\nif [ -e '" + hang + "' ]; then exec sleep 600; fi\nexit 1\n");
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        api.enqueue(Reply.text("before"), Reply.text("after"));
        ClaudeCodeOptions options = options(api).mcpServer("slow", McpServerConfig.stdio(server.toString())).build();
        try (Session session = ClaudeCode.start(options)) {
            assertThat(session.query("first question").result()).contains("before");
            String sessionId = session.sessionId().orElseThrow();
            // the CLI writes the turn's transcript just after its result; killed before that, it leaves nothing to resume
            assertThat(Procs.await(10_000, () -> Transcripts.holds(session::messages, "before"))).isTrue();
            assertThat(Procs.await(30_000, () -> session.control().mcpStatus().stream()
                    .anyMatch(s -> s.name().equals("slow") && s.status() == McpConnectionStatus.FAILED))).isTrue();

            Files.writeString(hang, "");
            CompletableFuture<Throwable> outcome = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    session.control().mcpReconnect("slow");
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            long cli = Procs.cli(marker);
            // the CLI is connecting the server, which never answers: the request is open
            assertThat(Procs.await(30_000, () -> !hungServers(cli).isEmpty())).as("the MCP server started").isTrue();
            List<Long> hung = hungServers(cli);
            assertThat(outcome).isNotDone();

            long killedAt = System.nanoTime();
            signal(cli, signal);
            Throwable failure = outcome.get(30, TimeUnit.SECONDS);
            long failedAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
            if (failure instanceof ControlException) {
                // 2.1.332 may answer the open request itself on SIGTERM, before it exits (a race with
                // the exit): the call then fails with the CLI's own error
                assertThat(signal).isEqualTo("SIGTERM");
                assertThat(CliVersionRange.compare(TestCli.version(), "2.1.332")).isNotNegative();
                assertThat(failure).hasMessageContaining("Claude Code is shutting down");
                assertThat(Procs.await(10_000, () -> !Procs.isAlive(cli))).as("the CLI exited").isTrue();
                // the answer came before the exit: the next turn is for after the session has seen the
                // death, as it has when the exit itself failed the call
                assertThat(Procs.await(10_000, () -> session.health().reason() == Health.Reason.PROCESS_DEAD))
                        .as("the session saw the CLI die").isTrue();
            } else {
                assertThat(failure).isInstanceOfSatisfying(CliProcessException.class, e -> {
                    assertThat(e.exitStatus()).hasValue(exitStatus(signal));
                    assertThat(e).hasMessageContaining("killed by " + signal);
                });
            }
            // what the dead CLI was starting is ended too
            assertThat(Procs.await(5_000, () -> hung.stream().noneMatch(Procs::isAlive))).as("the MCP server ended").isTrue();

            assertThat(session.query("third question").result()).contains("after");
            assertThat(session.sessionId()).contains(sessionId);
            Figures.record(AREA, "real CLI killed with " + signal + " while mcp_reconnect waits for its answer", String.format(
                    "mcpReconnect failed with %s %d ms after the signal; the hanging MCP server "
                            + "ended; next turn resumed the session", failure instanceof CliProcessException
                            ? "CliProcessException (exit " + exitStatus(signal) + ")" : "the CLI's own error", failedAfterMs));
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("first question", "third question");
    }

    private static void blockUntilInterrupted(CompletableFuture<Thread> entered, CountDownLatch interrupted)
            throws InterruptedException {
        entered.complete(Thread.currentThread());
        try {
            Thread.sleep(120_000);
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    /** The CLI's descendants that run the hanging MCP server. */
    private static List<Long> hungServers(long cli) {
        return ProcessHandle.of(cli).map(p -> p.descendants().map(ProcessHandle::pid)
                .filter(pid -> ProcessTable.arguments(pid).equals(List.of("sleep", "600"))).toList()).orElse(List.of());
    }

    private static void signal(long pid, String signal) {
        ProcessHandle cli = ProcessHandle.of(pid).orElseThrow();
        assertThat(signal.equals("SIGKILL") ? cli.destroyForcibly() : cli.destroy()).isTrue();
    }

    private static int exitStatus(String signal) {
        return signal.equals("SIGKILL") ? 137 : 143;
    }
}
