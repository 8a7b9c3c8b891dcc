package dev.claudecode.internal.session;

import dev.claudecode.options.SessionStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudecode.control.Health;
import dev.claudecode.errors.CliProcessException;
import dev.claudecode.errors.SessionClosedException;
import dev.claudecode.internal.control.ControlRequests;
import dev.claudecode.internal.control.RuntimeSettings;
import dev.claudecode.internal.json.Json;
import dev.claudecode.message.Message;
import dev.claudecode.message.ResultMessage;
import dev.claudecode.node.Node;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.transport.CliProcess;
import dev.claudecode.transport.LaunchSpec;
import dev.claudecode.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The connection lifecycle on its own, against fake CLIs: which launch the connector chooses
 * (first, resume after a crash, new conversation after a reset or a lost conversation), which
 * session id it follows, and which turn a CLI's messages and exit concern.
 */
class ConnectorTest {

    private static final ClaudeCodeOptions OPTIONS = ClaudeCodeOptions.builder().controlTimeout(Duration.ofSeconds(10)).build();

    private final FakeCliTransport transport = new FakeCliTransport();
    private final RecordingLauncher launcher = new RecordingLauncher();
    private final RecordingEvents events = new RecordingEvents();
    private final List<Connector> connectors = new ArrayList<>();

    @AfterEach
    void stopConnectors() {
        connectors.forEach(Connector::stop);
    }

    @Test
    void theFirstTurnLaunchesTheOptionsLaunchAndTheCliNamesTheSession() throws Exception {
        Connector connector = connector(OPTIONS);
        assertThat(connector.health().reason()).isEqualTo(Health.Reason.IDLE);
        assertThat(connector.isReady()).isFalse();

        Turn turn = turn("hello");
        connector.start(turn);

        assertThat(events.resultOf(turn).sessionId()).contains("00000000-0000-4000-8000-000000000001");
        assertThat(connector.sessionId()).contains("00000000-0000-4000-8000-000000000001");
        assertThat(launcher.calls).containsExactly("initial");
        assertThat(connector.isReady()).isTrue();
        assertThat(connector.health().reason()).isEqualTo(Health.Reason.READY);
        List<JsonNode> received = transport.launched().getFirst().received();
        assertThat(received.get(0).path("request").path("subtype").asString()).isEqualTo("initialize");
        assertThat(received.get(1)).isEqualTo(turn.userLine());
    }

    @Test
    void aTurnAfterACrashResumesTheConversationInANewCli() throws Exception {
        Connector connector = connector(OPTIONS);
        Turn first = turn("one");
        connector.start(first);
        events.resultOf(first);

        transport.launched().getFirst().crash();

        Lost lost = events.lost.poll(10, TimeUnit.SECONDS);
        assertThat(lost).isNotNull();
        assertThat(lost.turn()).isSameAs(first);
        assertThat(lost.error()).isInstanceOf(CliProcessException.class).hasMessageContaining("exited unexpectedly");
        assertThat(connector.isReady()).isFalse();
        assertThat(connector.health().reason()).isEqualTo(Health.Reason.PROCESS_DEAD);

        Turn second = turn("two");
        connector.start(second);

        assertThat(events.resultOf(second).sessionId()).contains("00000000-0000-4000-8000-000000000001");
        assertThat(launcher.calls).containsExactly("initial", "resume 00000000-0000-4000-8000-000000000001");
        assertThat(connector.sessionId()).contains("00000000-0000-4000-8000-000000000001");
        assertThat(transport.launched()).hasSize(2);
    }

    @Test
    void aConversationThatWasNeverSavedContinuesInANewOne() throws Exception {
        Connector connector = connector(OPTIONS);
        Turn first = turn("one");
        connector.start(first);
        events.resultOf(first);
        transport.loseConversations();
        transport.launched().getFirst().crash();
        assertThat(events.lost.poll(10, TimeUnit.SECONDS)).isNotNull();

        Turn second = turn("two");
        connector.start(second);

        assertThat(events.resultOf(second).sessionId()).contains("00000000-0000-4000-8000-000000000002");
        assertThat(launcher.calls).containsExactly("initial", "resume 00000000-0000-4000-8000-000000000001", "fresh");
        assertThat(connector.sessionId()).contains("00000000-0000-4000-8000-000000000002");
        // the CLI that failed to resume had no turn: its result and its exit concern no turn
        assertThat(events.messages).filteredOn(m -> m.message() instanceof ResultMessage result && result.isError())
                .singleElement().satisfies(m -> assertThat(m.turn()).isEmpty());
        assertThat(transport.launched().get(1).exit().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(events.lost.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aResetStopsTheCliAndTheNextTurnStartsANewConversation() throws Exception {
        Connector connector = connector(OPTIONS);
        Turn first = turn("one");
        connector.start(first);
        events.resultOf(first);

        connector.reset();

        assertThat(connector.sessionId()).isEmpty();
        assertThat(connector.isReady()).isFalse();
        assertThat(transport.launched().getFirst().exit().get(10, TimeUnit.SECONDS)).isZero();
        Lost lost = events.lost.poll(10, TimeUnit.SECONDS);
        assertThat(lost).isNotNull();
        assertThat(lost.error()).isInstanceOf(SessionClosedException.class);

        Turn second = turn("two");
        connector.start(second);
        assertThat(events.resultOf(second).sessionId()).contains("00000000-0000-4000-8000-000000000002");
        assertThat(launcher.calls).containsExactly("initial", "fresh");
    }

    @Test
    void theOptionsSessionIdIsKnownAtOnceAndTheFirstLaunchIsStillTheOptionsOne() throws Exception {
        Connector connector = connector(OPTIONS.toBuilder().start(SessionStart.resume("00000000-0000-4000-8000-000000000007")).build());
        assertThat(connector.sessionId()).contains("00000000-0000-4000-8000-000000000007");

        Turn turn = turn("hello");
        connector.start(turn);
        events.resultOf(turn);

        assertThat(launcher.calls).containsExactly("initial");
    }

    @Test
    void controlCallsAndServerInfoLaunchACliWhenNoneRuns() {
        Connector connector = connector(OPTIONS);

        JsonNode answer = connector.control(ControlRequests.mcpStatus());

        assertThat(answer.isObject()).isTrue();
        assertThat(connector.serverInfo().commands()).isEmpty();
        assertThat(launcher.calls).containsExactly("initial");
        assertThat(transport.launched().getFirst().received()).extracting(line -> line.path("request").path("subtype").asString())
                .containsExactly("initialize", "mcp_status");
    }

    @Test
    void anInterruptNeverLaunchesACli() {
        Connector connector = connector(OPTIONS);

        assertThat(connector.interrupt(Duration.ofSeconds(1))).isEmpty();
        assertThat(transport.launched()).isEmpty();
    }

    @Test
    void aStoppedConnectorStopsItsCliAndLaunchesNoOther() throws Exception {
        Connector connector = connector(OPTIONS);
        connector.current();

        connector.stop();

        assertThat(transport.launched().getFirst().exit().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(connector.isClosed()).isTrue();
        assertThat(connector.close()).isFalse();
        assertThat(connector.health().reason()).isEqualTo(Health.Reason.STOPPED);
        assertThatThrownBy(connector::current).isInstanceOf(SessionClosedException.class);
        assertThatThrownBy(() -> connector.control(ControlRequests.mcpStatus())).isInstanceOf(SessionClosedException.class);
        assertThat(transport.launched()).hasSize(1);
    }

    @Test
    void aCliThatFinishesLaunchingAfterStopIsStoppedToo() throws Exception {
        CountDownLatch launching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Transport slow = new Transport() {
            @Override
            public CliProcess launch(LaunchSpec spec) {
                launching.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return transport.launch(spec);
            }

            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Node node() {
                return transport.node();
            }
        };
        Connector connector = new Connector(slow, launcher, OPTIONS, (subtype, request) -> null, new RuntimeSettings(), events);
        connectors.add(connector);
        CompletableFuture<LiveConnection> current = CompletableFuture.supplyAsync(connector::current);
        assertThat(launching.await(10, TimeUnit.SECONDS)).isTrue();

        connector.stop();
        release.countDown();

        assertThatThrownBy(() -> current.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SessionClosedException.class);
        assertThat(transport.launched().getFirst().exit().get(10, TimeUnit.SECONDS)).isZero();
    }

    private Connector connector(ClaudeCodeOptions options) {
        Connector connector = new Connector(transport, launcher, options, (subtype, request) -> null, new RuntimeSettings(), events);
        connectors.add(connector);
        return connector;
    }

    private static Turn turn(String prompt) {
        ObjectNode line = Json.object();
        line.put("type", "user");
        line.putObject("message").put("role", "user").put("content", prompt);
        return new Turn(line);
    }

    private record Reported(Message message, Optional<Turn> turn) {
    }

    private record Lost(Turn turn, RuntimeException error) {
    }

    private static final class RecordingEvents implements Connector.Events {

        final List<Reported> messages = new CopyOnWriteArrayList<>();
        final BlockingQueue<Lost> lost = new LinkedBlockingQueue<>();

        @Override
        public void onMessage(Message message, Optional<Turn> turn) {
            messages.add(new Reported(message, turn));
        }

        @Override
        public void onConnectionLost(Turn turn, RuntimeException error) {
            lost.add(new Lost(turn, error));
        }

        @Override
        public void onStderr(String line) {
        }

        @Override
        public void onTranscriptMirror(JsonNode frame, int length) {
        }

        /** Waits for the result reported for a turn. */
        ResultMessage resultOf(Turn turn) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (Reported reported : messages) {
                    if (reported.turn().orElse(null) == turn && reported.message() instanceof ResultMessage result) {
                        return result;
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no result for the turn; reported: " + messages);
        }
    }

    private static final class RecordingLauncher implements Launcher {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Launch initial() {
            calls.add("initial");
            return spec(List.of());
        }

        @Override
        public Launch resume(String sessionId) {
            calls.add("resume " + sessionId);
            return spec(List.of("--resume", sessionId));
        }

        @Override
        public Launch fresh() {
            calls.add("fresh");
            return spec(List.of());
        }

        private static Launch spec(List<String> arguments) {
            return Launch.of(new LaunchSpec("fake-claude", arguments, Map.of(), name -> false, Optional.empty()));
        }
    }
}
