package dev.claudecode.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.MessageStream;
import dev.claudecode.Session;
import dev.claudecode.history.Page;
import dev.claudecode.history.HistoryQuery;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.McpParam;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpTool;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.history.SessionInfo;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.message.StreamEventMessage;
import dev.claudecode.node.CommandOptions;
import dev.claudecode.node.CommandResult;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.Transcripts;
import dev.claudecode.testkit.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Whole sessions with the real CLI on the "remote" host, read back over SFTP with the code a local session uses. */
@ExtendWith(FakeClaudeApiExtension.class)
class RemoteSessionIT {

    /** Prints where the Bash tool ran: sshd sets SSH_CONNECTION for what it starts. */
    private static final String WHERE = "echo \"ssh=${SSH_CONNECTION:-none}\"";

    @RegisterExtension
    static final SshFixture server = new SshFixture();

    @TempDir
    Path temp;

    private static ClaudeCodeOptions.Builder options(FakeClaudeApi api, Path cwd) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(cwd).env(api.environment()).allowedTools("Bash");
    }

    private static Reply[] script() {
        return new Reply[] {Reply.text("8"),
                Reply.builder().text("Let me check.").toolUse("Bash", Map.of("command", WHERE)).build(),
                Reply.from(request -> Reply.text("Bash said " + request.toolResults().getLast().text().strip()))};
    }

    @Test
    void aRemoteConversationReadsBackLikeALocalOne(FakeClaudeApi api) throws Exception {
        Path localCwd = Files.createDirectories(temp.resolve("local"));
        Path remoteCwd = temp.resolve("remote");
        api.enqueue(script());
        Session local = ClaudeCode.start(options(api, localCwd).build());
        try (local) {
            local.query("What is 5 + 3?");
            local.query("Where are you?");
        }
        api.enqueue(script());
        String remoteAnswer;
        try (SshTransport transport = server.transport().build()) {
            Session remote = ClaudeCode.start(options(api, remoteCwd).build(), transport);
            try (remote) {
                assertThat(remote.query("What is 5 + 3?").result()).contains("8");
                remoteAnswer = remote.query("Where are you?").result().orElseThrow();
            }
            assertThat(remoteAnswer).startsWith("Bash said ssh=127.0.0.1 ");
            List<ToolResult> toolResults = api.lastMainRequest().orElseThrow().toolResults();
            assertThat(toolResults.getLast().text()).contains("ssh=127.0.0.1");

            List<SessionMessage> remoteHistory = remote.messages();
            List<SessionMessage> localHistory = local.messages();
            assertThat(remoteHistory).extracting(SessionMessage::type).containsExactlyElementsOf(
                    localHistory.stream().map(SessionMessage::type).toList());
            assertThat(remoteHistory).extracting(SessionMessage::text).contains("What is 5 + 3?", "8", "Where are you?", remoteAnswer);
            assertThat(remoteHistory).allMatch(m -> m.sessionId().equals(remote.sessionId().orElseThrow()));
            assertThat(remote.messages(HistoryQuery.of(Page.first(2).offset(1)))).containsExactlyElementsOf(remoteHistory.subList(1, 3));

            List<SessionInfo> sessions = remote.listSessions();
            assertThat(sessions).extracting(SessionInfo::sessionId).containsExactly(remote.sessionId().orElseThrow());
            assertThat(sessions.getFirst().firstPrompt()).contains("What is 5 + 3?");
            assertThat(sessions.getFirst().file().getFileSystem()).isSameAs(transport.node().fileSystem());
            assertThat(local.listSessions()).extracting(SessionInfo::sessionId).containsExactly(local.sessionId().orElseThrow());
        }
    }

    @Test
    void executeRunsAgainstTheRemoteHost(FakeClaudeApi api) throws Exception {
        Path cwd = temp.resolve("work");
        try (SshTransport transport = server.transport().build();
                Session session = ClaudeCode.start(options(api, cwd).build(), transport)) {
            session.execute(node -> Files.writeString(node.path(cwd.resolve("config.json").toString()), "{\"answer\":42}"));
            String config = session.execute(node -> Files.readString(node.path(cwd.toString(), "config.json")));
            CommandResult where = session.execute(node -> node.run(List.of("/bin/sh", "-c", "pwd; " + WHERE),
                    CommandOptions.defaults().withWorkingDirectory(cwd.toString())));

            assertThat(config).isEqualTo("{\"answer\":42}");
            assertThat(Files.readString(cwd.resolve("config.json"))).isEqualTo("{\"answer\":42}");
            assertThat(where.stdout()).startsWith(cwd + "\nssh=127.0.0.1 ");
            assertThat(session.node().name()).isEqualTo(transport.name()).startsWith("ssh://");
            assertThat(session.node().fileSystem()).isNotEqualTo(java.nio.file.FileSystems.getDefault());
        }
    }

    @Test
    void historyIsFoundThroughASymlinkedWorkingDirectory(FakeClaudeApi api) throws Exception {
        Path real = Files.createDirectories(temp.resolve("real").resolve("project"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        api.enqueue(Reply.text("linked"));
        try (SshTransport transport = server.transport().build();
                Session session = ClaudeCode.start(options(api, link).build(), transport)) {
            session.query("Through the link?");

            // the CLI writes the answer's record a moment after the result
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> Transcripts.holds(session::messages, "linked"))).isTrue();
            assertThat(session.messages()).extracting(SessionMessage::text).containsExactly("Through the link?", "linked");
            assertThat(session.listSessions()).singleElement()
                    .satisfies(info -> assertThat(info.projectPath().map(Path::toString)).contains(real.toRealPath().toString()));
        }
    }

    @Test
    void theTransportsCliPathRunsWhenTheOptionsNameNone(FakeClaudeApi api) {
        api.enqueue(Reply.text("from the configured CLI"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cwd(temp.resolve("w")).env(api.environment()).build();
        try (SshTransport transport = server.transport().cliPath(TestCli.path().toString()).build();
                Session session = ClaudeCode.start(options, transport)) {
            assertThat(session.query("hi").result()).contains("from the configured CLI");
        }
    }

    static final class Calculator {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @McpTool(description = "Add two numbers")
        long add(@McpParam(name = "a") long a, @McpParam(name = "b") long b) {
            calls.add(a + "+" + b + (Thread.currentThread().isVirtual() ? " on a virtual thread" : ""));
            return a + b;
        }
    }

    @Test
    void callbacksRunInThisJvmWhileTheCliRunsOnTheHost(FakeClaudeApi api) {
        Calculator calculator = new Calculator();
        List<String> prompts = new CopyOnWriteArrayList<>();
        List<String> hooked = new CopyOnWriteArrayList<>();
        api.enqueue(Reply.toolUse("mcp__calc__add", Map.of("a", 2, "b", 3)),
                Reply.toolUse("Bash", Map.of("command", WHERE, "description", "Where")),
                Reply.text("done"));
        ClaudeCodeOptions options = ClaudeCodeOptions.builder().cliPath(TestCli.path()).cwd(temp.resolve("w")).env(api.environment())
                .mcpServer("calc", McpServerConfig.sdk(SdkMcpServer.builder("calc").toolsFrom(calculator).build()))
                .canUseTool(request -> {
                    prompts.add(request.toolName());
                    return request.toolName().equals("Bash")
                            ? PermissionResult.allow(Map.of("command", WHERE + "; echo changed-here", "description", "Where"))
                            : PermissionResult.allow();
                })
                .hook(HookEvent.PRE_TOOL_USE, HookMatcher.of("Bash", (input, toolUseId, context) -> {
                    hooked.add(String.valueOf(((HookInput.PreToolUse) input).toolInput().get("command")));
                    return HookOutput.empty();
                }))
                .build();
        try (SshTransport transport = server.transport().build(); Session session = ClaudeCode.start(options, transport)) {
            assertThat(session.query("add 2 and 3, then tell me where you are").result()).contains("done");
        }
        assertThat(calculator.calls).containsExactly("2+3 on a virtual thread");
        assertThat(prompts).containsExactly("mcp__calc__add", "Bash");
        assertThat(hooked).containsExactly(WHERE);
        List<dev.claudecode.testkit.RecordedRequest> main = api.log().main();
        assertThat(main.get(1).toolResults().getLast().text()).isEqualTo("5");
        String where = main.get(2).toolResults().getLast().text();
        assertThat(where).as("the Bash tool ran on the host, with the input the local callback chose")
                .contains("ssh=127.0.0.1", "changed-here");
    }

    @Test
    void interruptEndsTheRemoteTurn(FakeClaudeApi api) {
        api.enqueue(slowReply(), Reply.text("next"));
        try (SshTransport transport = server.transport().build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).includePartialMessages(true).build(), transport)) {
            try (MessageStream turn = session.stream("talk slowly")) {
                untilStreaming(turn);
                session.interrupt();
                ResultMessage result = turn.result();
                assertThat(result.subtype()).isEqualTo("error_during_execution");
            }
            assertThat(session.query("and now?").result()).contains("next");
        }
    }

    @Test
    void stopLeavesNoCliOnTheHost(FakeClaudeApi api) throws Exception {
        String marker = "CLAUDE_CONFIG_DIR=" + api.configDir();
        api.enqueue(slowReply());
        try (SshTransport transport = server.transport().build()) {
            Session session = ClaudeCode.start(options(api, temp.resolve("w")).includePartialMessages(true).build(), transport);
            MessageStream turn = session.stream("talk slowly");
            untilStreaming(turn);
            List<Long> remote = ProcFs.processesWithEnvironment(marker);
            assertThat(remote).as("the remote CLI").isNotEmpty();

            session.stop();

            assertThat(ProcFs.await(Duration.ofSeconds(15), () -> ProcFs.processesWithEnvironment(marker).isEmpty()))
                    .as("left on the host: %s", ProcFs.processesWithEnvironment(marker)).isTrue();
            assertThat(session.isAlive()).isFalse();
        }
    }

    @Test
    void aRemoteCliThatDiesIsResumedOnTheSameHost(FakeClaudeApi api) throws Exception {
        String marker = "CLAUDE_CONFIG_DIR=" + api.configDir();
        api.enqueue(Reply.text("pineapple noted"), Reply.text("it was pineapple"));
        try (SshTransport transport = server.transport().build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).build(), transport)) {
            session.query("Remember the word pineapple");
            String sessionId = session.sessionId().orElseThrow();
            // the CLI writes its transcript a moment after the result; a CLI killed before leaves nothing to resume
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> Transcripts.holds(session::messages, "pineapple noted"))).isTrue();
            ProcFs.processesWithEnvironment(marker).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !session.isAlive())).isTrue();

            ResultMessage answer = session.query("Which word?");
            assertThat(answer.result()).as("%s / requests: %s", answer, api.log()).contains("it was pineapple");
            assertThat(session.sessionId()).contains(sessionId);
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("Remember the word pineapple", "Which word?");
    }

    @Test
    void aDroppedConnectionFailsTheTurnAndTheNextTurnReconnects(FakeClaudeApi api) {
        api.enqueue(Reply.text("first"), slowReply(), Reply.text("after the drop"));
        try (SshTransport transport = server.transport().build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).includePartialMessages(true).build(), transport)) {
            session.query("one");
            MessageStream doomed = session.stream("two");
            Iterator<Message> messages = untilStreaming(doomed);
            server.sshd().dropConnections();

            assertThatThrownBy(() -> messages.forEachRemaining(m -> { }))
                    .isInstanceOfSatisfying(CliProcessException.class, e -> assertThat(e.exitStatus()).hasValue(255));
            assertThat(session.query("three").result()).contains("after the drop");
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("one", "three");
    }

    @Test
    void aFrozenHostFailsTheTurnWithinFifteenSecondsWithTheDefaultKeepalive(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("first"), slowReply(), Reply.text("after the thaw"));
        // the transport's default keepalive: the builder of the harness sets none
        try (SshTransport transport = server.transport().build();
                Session session = ClaudeCode.start(options(api, temp.resolve("w")).includePartialMessages(true).build(), transport)) {
            session.query("one");
            Iterator<Message> messages = untilStreaming(session.stream("two"));
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            long frozenAt;
            server.sshd().freezeConnections(true);
            try {
                frozenAt = System.nanoTime();
                Thread.ofVirtual().start(() -> {
                    try {
                        messages.forEachRemaining(m -> { });
                        failure.complete(null);
                    } catch (Throwable t) {
                        failure.complete(t);
                    }
                });
                // bounded, so that a keepalive that never fires fails the test instead of hanging it
                Throwable thrown = failure.get(60, TimeUnit.SECONDS);
                Duration detected = Duration.ofNanos(System.nanoTime() - frozenAt);

                assertThat(thrown).isInstanceOfSatisfying(CliProcessException.class, e -> {
                    assertThat(e.exitStatus()).hasValue(255);
                    assertThat(e.stderrTail()).contains("ssh: the connection to " + transport.name() + " was lost",
                            "keepalive: a probe every 3000 ms, at most 3 unanswered");
                });
                assertThat(detected).as("from SIGSTOP to the failed turn").isLessThanOrEqualTo(Duration.ofSeconds(15));
                System.out.printf("frozen host: the turn failed %d ms after SIGSTOP: %s%n", detected.toMillis(), thrown.getMessage());
            } finally {
                server.sshd().freezeConnections(false);
            }
            assertThat(session.query("three").result()).contains("after the thaw");
        }
    }

    static Reply slowReply() {
        return Reply.builder().text("slow ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(25)).build();
    }

    /** Reads a turn until the model's answer is streaming, so that what comes next hits the API call. */
    static Iterator<Message> untilStreaming(MessageStream turn) {
        Iterator<Message> iterator = turn.iterator();
        while (iterator.hasNext()) {
            if (iterator.next() instanceof StreamEventMessage event
                    && event.event() instanceof dev.claudecode.message.stream.ContentBlockDelta) {
                return iterator;
            }
        }
        throw new AssertionError("the turn ended before its answer streamed");
    }
}
