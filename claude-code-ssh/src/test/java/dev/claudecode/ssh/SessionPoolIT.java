package dev.claudecode.ssh;

import dev.claudecode.options.SessionStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.ClaudeCode;
import dev.claudecode.Session;
import dev.claudecode.history.History;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.store.InMemorySessionStore;
import dev.claudecode.store.SessionKey;
import dev.claudecode.store.StoredSession;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.MessageStream;
import dev.claudecode.history.ProjectDirectories;
import dev.claudecode.history.SessionMessage;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.ssh.pool.HostMetrics;
import dev.claudecode.ssh.pool.HostState;
import dev.claudecode.ssh.pool.NoHostAvailableException;
import dev.claudecode.ssh.pool.PoolHost;
import dev.claudecode.ssh.pool.PoolMetrics;
import dev.claudecode.ssh.pool.PooledSession;
import dev.claudecode.ssh.pool.SessionPool;
import dev.claudecode.testkit.FakeClaudeApi;
import dev.claudecode.testkit.FakeClaudeApiExtension;
import dev.claudecode.testkit.RecordedRequest;
import dev.claudecode.testkit.Reply;
import dev.claudecode.testkit.TestCli;
import dev.claudecode.testkit.Transcripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool of two real OpenSSH hosts (two sshd instances on loopback, each with its own CLI config
 * directory so the hosts share no transcript), with the real CLI on both.
 */
@ExtendWith(FakeClaudeApiExtension.class)
class SessionPoolIT {

    @TempDir
    Path temp;

    private SshFixture serverA;
    private SshFixture serverB;
    private Path configA;
    private Path configB;
    private Path cwd;
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final List<SessionPool> pools = new ArrayList<>();

    @BeforeEach
    void startHosts() throws Exception {
        serverA = SshFixture.start(Files.createDirectories(temp.resolve("sshd-a")));
        serverB = SshFixture.start(Files.createDirectories(temp.resolve("sshd-b")));
        configA = Files.createDirectories(temp.resolve("config-a"));
        configB = Files.createDirectories(temp.resolve("config-b"));
        cwd = temp.resolve("work");
    }

    @AfterEach
    void stopHosts() throws Exception {
        if (serverA != null) {
            serverA.sshd().freezeConnections(false);
        }
        pools.forEach(SessionPool::close);
        if (serverA != null) {
            serverA.close();
        }
        if (serverB != null) {
            serverB.close();
        }
    }

    private SshTransport.Builder transport(SshFixture server) {
        return server.transport().keepAliveInterval(Duration.ofSeconds(1)).keepAliveMaxMissed(3).connectTimeout(Duration.ofSeconds(5));
    }

    private SessionPool.Builder pool(SshTransport.Builder a, int capacityA, SshTransport.Builder b, int capacityB) {
        return SessionPool.builder()
                .host(PoolHost.builder().transport(a.build()).capacity(capacityA).env("CLAUDE_CONFIG_DIR", configA.toString()).build())
                .host(PoolHost.builder().transport(b.build()).capacity(capacityB).env("CLAUDE_CONFIG_DIR", configB.toString()).build())
                .healthCheckInterval(Duration.ZERO)
                .healthCheckTimeout(Duration.ofSeconds(2))
                .sessionStore(store);
    }

    private SessionPool started(SessionPool.Builder builder) {
        SessionPool pool = builder.build();
        pools.add(pool);
        return pool;
    }

    private ClaudeCodeOptions.Builder options(FakeClaudeApi api) {
        return ClaudeCodeOptions.builder().cliPath(TestCli.atLeast("2.1.332")).cwd(cwd).env(api.environment());
    }

    /** A stand-in CLI that only reads its input: placement needs a process, not a model. */
    private SshTransport.Builder idleCli(SshTransport.Builder transport) throws Exception {
        Path script = temp.resolve("idle-claude");
        if (!Files.exists(script)) {
            Files.writeString(script, "#!/bin/sh\nexec cat >/dev/null\n");
            script.toFile().setExecutable(true);
        }
        return transport.cliPath(script.toString());
    }

    @Test
    void placesLeastLoadedFirstWithinCapacity(FakeClaudeApi api) throws Exception {
        SessionPool pool = started(pool(idleCli(transport(serverA)), 1, idleCli(transport(serverB)), 2));
        String a = pool.hosts().get(0).name();
        String b = pool.hosts().get(1).name();

        PooledSession first = pool.start(options(api).build());
        PooledSession second = pool.start(options(api).build());
        PooledSession third = pool.start(options(api).build());

        assertThat(List.of(first.host(), second.host(), third.host())).containsExactly(a, b, b);
        assertThatThrownBy(() -> pool.start(options(api).build()))
                .isInstanceOf(NoHostAvailableException.class)
                .hasMessageContaining("1 of 1 sessions").hasMessageContaining("2 of 2 sessions");
        PoolMetrics metrics = pool.metrics();
        assertThat(metrics.sessions()).isEqualTo(3);
        assertThat(metrics.host(a).orElseThrow().sessions()).isEqualTo(1);
        assertThat(metrics.host(b).orElseThrow().sessions()).isEqualTo(2);
        assertThat(metrics.host(b).orElseThrow().sessionsPlaced()).isEqualTo(2);

        first.close();
        assertThat(pool.metrics().host(a).orElseThrow().sessions()).isZero();
        try (PooledSession fourth = pool.start(options(api).build())) {
            assertThat(fourth.host()).isEqualTo(a);
        }
        second.close();
        third.close();
        assertThat(pool.metrics().sessions()).isZero();
        assertThat(pool.metrics().sessionsStarted()).isEqualTo(4);
    }

    @Test
    void aStartSkipsAHostThatCannotBeReached(FakeClaudeApi api) throws Exception {
        SessionPool pool = started(pool(idleCli(transport(serverA)), 4, idleCli(transport(serverB)), 4));
        String a = pool.hosts().get(0).name();
        serverA.close();

        try (PooledSession session = pool.start(options(api).build())) {
            assertThat(session.host()).isEqualTo(pool.hosts().get(1).name());
        }
        HostMetrics metricsA = pool.metrics().host(a).orElseThrow();
        assertThat(metricsA.state()).isEqualTo(HostState.DOWN);
        assertThat(metricsA.startFailures()).isEqualTo(1);
        assertThat(metricsA.sessions()).isZero();
        assertThat(metricsA.lastError()).hasValueSatisfying(error -> assertThat(error).contains("Connection refused"));
    }

    @Test
    void aStartWaitsForRoomUpToTheAcquireTimeout(FakeClaudeApi api) throws Exception {
        SessionPool pool = started(pool(idleCli(transport(serverA)), 1, idleCli(transport(serverB)), 1)
                .acquireTimeout(Duration.ofSeconds(30)));
        PooledSession first = pool.start(options(api).build());
        PooledSession second = pool.start(options(api).build());

        CompletableFuture<PooledSession> waiting = CompletableFuture.supplyAsync(() -> pool.start(options(api).build()));
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        second.close();

        try (PooledSession third = waiting.get(30, TimeUnit.SECONDS)) {
            assertThat(third.host()).isEqualTo(pool.hosts().get(1).name());
        }
        first.close();
    }

    @Test
    void healthChecksMarkAHostDownAndUpAgainAndPlacementAvoidsIt(FakeClaudeApi api) throws Exception {
        SessionPool pool = started(pool(idleCli(transport(serverA)), 4, idleCli(transport(serverB)), 4).downAfter(2));
        String a = pool.hosts().get(0).name();
        String b = pool.hosts().get(1).name();
        assertThat(pool.checkHealth().hosts()).extracting(HostMetrics::state).containsExactly(HostState.UP, HostState.UP);
        try (PooledSession first = pool.start(options(api).build());
                PooledSession second = pool.start(options(api).build())) {
            assertThat(List.of(first.host(), second.host())).containsExactly(a, b);
        }

        serverA.sshd().freezeConnections(true);
        assertThat(pool.checkHealth().host(a).orElseThrow().state()).as("one failure is not enough").isEqualTo(HostState.UP);
        HostMetrics down = pool.checkHealth().host(a).orElseThrow();
        assertThat(down.state()).isEqualTo(HostState.DOWN);
        assertThat(down.failedHealthChecks()).isEqualTo(2);
        assertThat(down.lastError()).hasValueSatisfying(error -> assertThat(error).contains("health check"));
        try (PooledSession avoiding = pool.start(options(api).build())) {
            assertThat(avoiding.host()).isEqualTo(b);
        }

        serverA.sshd().freezeConnections(false);
        assertThat(ProcFs.await(Duration.ofSeconds(20), () -> pool.checkHealth().host(a).orElseThrow().state() == HostState.UP))
                .as("A comes back: %s", pool.metrics()).isTrue();
        try (PooledSession back = pool.start(options(api).build())) {
            assertThat(back.host()).isEqualTo(a);
        }
        assertThat(pool.metrics().host(b).orElseThrow().failures()).isZero();
    }

    @Test
    void aHostKilledMidTurnHandsTheConversationToTheOtherHost(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("Noted: pineapple."), slowReply(), Reply.text("The word was pineapple."));
        SessionPool pool = started(pool(transport(serverA), 2, transport(serverB), 2));
        String a = pool.hosts().get(0).name();
        String b = pool.hosts().get(1).name();
        List<Message> heard = Collections.synchronizedList(new ArrayList<>());

        try (PooledSession session = pool.start(options(api).includePartialMessages(true).build())) {
            session.addListener(heard::add);
            assertThat(session.host()).isEqualTo(a);
            session.query("Remember the word pineapple");
            String sessionId = session.sessionId().orElseThrow();

            MessageStream doomed = session.stream("Tell me a long story");
            Iterator<Message> messages = untilStreaming(doomed);
            serverA.close();
            assertThatThrownBy(() -> messages.forEachRemaining(m -> { })).isInstanceOf(CliProcessException.class);

            ResultMessage answer = session.query("Which word did I ask you to remember?");

            assertThat(answer.result()).contains("The word was pineapple.");
            assertThat(session.host()).isEqualTo(b);
            assertThat(session.sessionId()).contains(sessionId);
            RecordedRequest onB = api.lastMainRequest().orElseThrow();
            assertThat(onB.allUserText()).contains("Remember the word pineapple", "Which word did I ask you to remember?");
            assertThat(onB.messages()).anySatisfy(m -> assertThat(m.text()).contains("Noted: pineapple."));
            assertThat(store.listSessions(ProjectDirectories.encode(cwd.toString()))).extracting(StoredSession::sessionId)
                    .containsExactly(sessionId);
            // the CLI writes a turn's last assistant record just after the turn's result
            assertThat(ProcFs.await(Duration.ofSeconds(10),
                    () -> Transcripts.holds(session::messages, "The word was pineapple."))).isTrue();
            // the interrupted turn's prompt may have been mirrored too; resuming, the CLI answers it with "No response requested."
            assertThat(session.messages()).extracting(SessionMessage::text)
                    .startsWith("Remember the word pineapple", "Noted: pineapple.")
                    .endsWith("Which word did I ask you to remember?", "The word was pineapple.");
            assertThat(ProcFs.await(Duration.ofSeconds(5), () -> heard.stream()
                    .anyMatch(m -> m instanceof ResultMessage r && r.result().orElse("").contains("pineapple.")))).isTrue();

            PoolMetrics metrics = pool.metrics();
            assertThat(metrics.failovers()).isEqualTo(1);
            assertThat(metrics.host(a).orElseThrow()).satisfies(host -> {
                assertThat(host.state()).isEqualTo(HostState.DOWN);
                assertThat(host.sessions()).isZero();
                assertThat(host.failoversFrom()).isEqualTo(1);
                assertThat(host.failedHealthChecks()).isEqualTo(1);
            });
            assertThat(metrics.host(b).orElseThrow()).satisfies(host -> {
                assertThat(host.sessions()).isEqualTo(1);
                assertThat(host.failoversTo()).isEqualTo(1);
                assertThat(host.state()).isEqualTo(HostState.UP);
            });
        }
        assertThat(pool.metrics().sessions()).isZero();
    }

    @Test
    void aFrozenHostIsLeftWithTheStoredTranscript(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("Noted: mango."), Reply.text("It was mango."));
        SessionPool pool = started(pool(transport(serverA), 2, transport(serverB), 2).downAfter(1));
        String a = pool.hosts().get(0).name();
        String b = pool.hosts().get(1).name();
        String markerA = "CLAUDE_CONFIG_DIR=" + configA;

        try (PooledSession session = pool.start(options(api).build())) {
            session.query("Remember the word mango");
            assertThat(session.host()).isEqualTo(a);
            // the host stops answering only after the turn is over; the store has it from the CLI's reports
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> storeHolds("Noted: mango."))).isTrue();
            serverA.sshd().freezeConnections(true);
            assertThat(pool.checkHealth().host(a).orElseThrow().state()).isEqualTo(HostState.DOWN);

            assertThat(session.query("Which word?").result()).contains("It was mango.");
            assertThat(session.host()).isEqualTo(b);
            assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("Remember the word mango", "Which word?");

            serverA.sshd().freezeConnections(false);
            assertThat(ProcFs.await(Duration.ofSeconds(30), () -> ProcFs.processesWithEnvironment(markerA).isEmpty()))
                    .as("the CLI left on A is stopped: %s", ProcFs.processesWithEnvironment(markerA)).isTrue();
        }
        assertThat(pool.metrics().failovers()).isEqualTo(1);
    }

    @Test
    void periodicHealthChecksMoveAnIdleSessionAtItsNextTurn(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("Noted: plum."), Reply.text("It was plum."));
        SessionPool pool = started(pool(transport(serverA), 2, transport(serverB), 2)
                .healthCheckInterval(Duration.ofMillis(200)).downAfter(2));
        String a = pool.hosts().get(0).name();
        String b = pool.hosts().get(1).name();

        try (PooledSession session = pool.start(options(api).build())) {
            session.query("Remember the word plum");
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> storeHolds("Noted: plum."))).isTrue();
            serverA.close();
            assertThat(ProcFs.await(Duration.ofSeconds(20), () -> pool.metrics().host(a).orElseThrow().state() == HostState.DOWN))
                    .as("%s", pool.metrics()).isTrue();
            assertThat(session.host()).as("nothing moves before the next turn").isEqualTo(a);

            assertThat(session.query("Which word?").result()).contains("It was plum.");
            assertThat(session.host()).isEqualTo(b);
        }
        String markerB = "CLAUDE_CONFIG_DIR=" + configB;
        assertThat(ProcFs.await(Duration.ofSeconds(15), () -> ProcFs.processesWithEnvironment(markerB).isEmpty()))
                .as("closing the pooled session leaves no CLI on B: %s", ProcFs.processesWithEnvironment(markerB)).isTrue();
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("Remember the word plum", "Which word?");
        HostMetrics metricsA = pool.metrics().host(a).orElseThrow();
        assertThat(metricsA.failedHealthChecks()).isGreaterThanOrEqualTo(2);
        assertThat(metricsA.failoversFrom()).isEqualTo(1);
        assertThat(pool.metrics().host(b).orElseThrow().healthChecks()).isPositive();
    }

    @Test
    void aCliThatDiesOnAHealthyHostResumesThereWithoutAMove(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("Noted: kiwi."), Reply.text("It was kiwi."));
        SessionPool pool = started(pool(transport(serverA), 2, transport(serverB), 2));
        String a = pool.hosts().get(0).name();
        String markerA = "CLAUDE_CONFIG_DIR=" + configA;

        try (PooledSession session = pool.start(options(api).build())) {
            session.query("Remember the word kiwi");
            // the CLI writes its transcript a moment after the result; a CLI killed before leaves nothing to resume
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> Transcripts.holds(session::messages, "Noted: kiwi."))).isTrue();
            ProcFs.processesWithEnvironment(markerA).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !session.isAlive())).isTrue();

            ResultMessage answer = session.query("Which word?");
            assertThat(answer.result()).as("%s / requests: %s", answer, api.log()).contains("It was kiwi.");
            assertThat(session.host()).isEqualTo(a);
        }
        PoolMetrics metrics = pool.metrics();
        assertThat(metrics.failovers()).isZero();
        assertThat(metrics.host(a).orElseThrow().healthChecks()).isEqualTo(1);
        assertThat(metrics.host(a).orElseThrow().failures()).isZero();
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("Remember the word kiwi", "Which word?");
    }

    @Test
    void aConversationStartedOnOneHostContinuesOnTheOtherThroughTheStore(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("Noted: the code word is damson."), Reply.text("It was damson."));
        String sessionId;
        try (SshTransport a = transport(serverA).build(); Session session = ClaudeCode.start(
                options(api).env("CLAUDE_CONFIG_DIR", configA.toString()).sessionStore(store).build(), a)) {
            session.query("The code word is damson");
            sessionId = session.sessionId().orElseThrow();
        }
        try (SshTransport b = transport(serverB).build(); Session session = ClaudeCode.start(
                options(api).env("CLAUDE_CONFIG_DIR", configB.toString()).sessionStore(store).start(SessionStart.resume(sessionId)).build(), b)) {
            assertThat(session.query("What was the code word?").result()).contains("It was damson.");
        }
        assertThat(api.lastMainRequest().orElseThrow().allUserText()).contains("The code word is damson", "What was the code word?");
        assertThat(api.lastMainRequest().orElseThrow().messages()).anySatisfy(m -> assertThat(m.text()).contains("Noted: the code word is damson."));
        // host B's CLI resumed from a temporary config directory, not from a transcript in its own
        assertThat(History.at(configB).findSessionFile(sessionId)).isEmpty();
        assertThat(storeHolds("It was damson.")).isTrue();
    }

    @Test
    void withEveryHostDownTheTurnFailsAndTheSessionStaysPut(FakeClaudeApi api) throws Exception {
        api.enqueue(Reply.text("one"));
        SessionPool pool = started(pool(transport(serverA), 1, transport(serverB), 1));
        try (PooledSession session = pool.start(options(api).build())) {
            session.query("first");
            String host = session.host();
            serverA.close();
            serverB.close();
            assertThat(ProcFs.await(Duration.ofSeconds(10), () -> !session.isAlive())).isTrue();

            assertThatThrownBy(() -> session.query("second")).isInstanceOf(NoHostAvailableException.class)
                    .hasMessageContaining("down");
            assertThat(session.host()).isEqualTo(host);
            assertThat(pool.metrics().failedFailovers()).isEqualTo(1);
            assertThat(pool.metrics().hosts()).extracting(HostMetrics::state).containsExactly(HostState.DOWN, HostState.DOWN);
        }
    }

    /** Whether some transcript in the pool's store holds the text. */
    private boolean storeHolds(String text) {
        String projectKey = ProjectDirectories.encode(cwd.toString());
        return store.listSessions(projectKey).stream()
                .flatMap(session -> store.load(SessionKey.of(projectKey, session.sessionId())).orElse(List.of()).stream())
                .anyMatch(entry -> entry.json().contains(text));
    }

    private static Reply slowReply() {
        return Reply.builder().text("slow ".repeat(400)).textChunkSize(5).eventDelay(Duration.ofMillis(25)).build();
    }

    private static Iterator<Message> untilStreaming(MessageStream turn) {
        Iterator<Message> iterator = turn.iterator();
        while (iterator.hasNext()) {
            if (iterator.next() instanceof dev.claudecode.message.StreamEventMessage event
                    && event.event() instanceof dev.claudecode.message.stream.ContentBlockDelta) {
                return iterator;
            }
        }
        throw new AssertionError("the turn ended before its answer streamed");
    }
}
