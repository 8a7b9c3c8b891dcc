package dev.claudecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.content.ToolResultBlock;
import dev.claudecode.content.ToolUseBlock;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.observe.CallbackCall;
import dev.claudecode.observe.CliLaunch;
import dev.claudecode.observe.Observation;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.observe.TurnOutcome;
import dev.claudecode.observe.TurnStart;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.store.SessionKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session observers against a recorded transcript (an in-process MCP tool call with a permission
 * prompt): what they are told, how operations nest, and that an observer that throws everywhere
 * changes nothing the CLI sees.
 */
class SessionObserverReplayTest {

    private static final ClaudeCodeOptions OPTIONS = ClaudeCodeOptions.builder().controlTimeout(Duration.ofSeconds(10)).build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One operation as a recording observer saw it. */
    record Seen(String what, String parent, List<Object> ends, Thread startedOn) {
    }

    /** Records operations and keeps, per thread, the stack of operations opened there. */
    static final class Recorder implements SessionObserver {
        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final ThreadLocal<Deque<String>> open = ThreadLocal.withInitial(ArrayDeque::new);

        private <R> Observation<R> start(String what) {
            Seen operation = new Seen(what, open.get().isEmpty() ? "-" : open.get().peek(), new CopyOnWriteArrayList<>(),
                    Thread.currentThread());
            seen.add(operation);
            return new Observation<>() {
                @Override
                public Scope open() {
                    open.get().push(what);
                    return () -> open.get().pop();
                }

                @Override
                public void end(R result) {
                    operation.ends().add(result == null ? "end" : result);
                }

                @Override
                public void fail(Throwable error) {
                    operation.ends().add(error);
                }
            };
        }

        @Override
        public Observation<Void> session() {
            return start("session");
        }

        @Override
        public Observation<Void> cliLaunch(CliLaunch launch) {
            return start("launch:" + launch.reason());
        }

        @Override
        public Map<String, String> cliEnvironment(CliLaunch launch) {
            return Map.of("OBSERVER_WAS_HERE", open.get().peek());
        }

        @Override
        public Observation<TurnOutcome> turn(TurnStart turn) {
            return start("turn");
        }

        @Override
        public Observation<ToolResultBlock> toolUse(ToolUseBlock toolUse) {
            return start("tool:" + toolUse.name() + ":" + toolUse.id());
        }

        @Override
        public Observation<String> callback(CallbackCall call) {
            return start("callback:" + call.kind() + ":" + call.name() + ":" + call.toolUseId().orElse(""));
        }

        @Override
        public Observation<Void> control(String subtype) {
            return start("control:" + subtype);
        }

        Seen await(String what) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                for (Seen operation : seen) {
                    if (operation.what().equals(what) && !operation.ends().isEmpty()) {
                        return operation;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(what + " did not end; seen: " + seen);
                }
                Thread.sleep(5);
            }
        }
    }

    /** Fails at every call. */
    static final class Broken implements SessionObserver {
        @Override
        public Observation<Void> session() {
            throw new IllegalStateException("broken observer");
        }

        @Override
        public Observation<Void> cliLaunch(CliLaunch launch) {
            return failing();
        }

        @Override
        public Map<String, String> cliEnvironment(CliLaunch launch) {
            throw new IllegalStateException("broken observer");
        }

        @Override
        public Observation<TurnOutcome> turn(TurnStart turn) {
            return failing();
        }

        @Override
        public Observation<ToolResultBlock> toolUse(ToolUseBlock toolUse) {
            throw new LinkageError("broken observer");
        }

        @Override
        public Observation<String> callback(CallbackCall call) {
            return failing();
        }

        @Override
        public Observation<Void> storeAppend(SessionKey key, int entries) {
            return failing();
        }

        private static <R> Observation<R> failing() {
            return new Observation<>() {
                @Override
                public Scope open() {
                    throw new IllegalStateException("broken observer");
                }

                @Override
                public void end(R result) {
                    throw new IllegalStateException("broken observer");
                }

                @Override
                public void fail(Throwable error) {
                    throw new IllegalStateException("broken observer");
                }
            };
        }
    }

    private static ClaudeCodeOptions.Builder calcSession() {
        SdkMcpServer calc = SdkMcpServer.builder("calc").version("1.0.0").tool("add", "Add two numbers", Map.of(
                "type", "object",
                "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
                "required", List.of("a", "b")),
                args -> ToolResult.text(String.valueOf(((Number) args.get("a")).intValue() + ((Number) args.get("b")).intValue())))
                .build();
        return OPTIONS.toBuilder().mcpServer("calc", McpServerConfig.sdk(calc)).canUseTool(request -> PermissionResult.allow());
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void observersSeeTheTurnItsToolUseAndItsCallbacksNested(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "40_sdk_mcp_tool_call.jsonl");
        Recorder recorder = new Recorder();
        try (Session session = ClaudeCode.start(calcSession().observer(recorder).build(), replay)) {
            assertThat(session.query("add 2 and 3 with the calc tool").result()).contains("2 + 3 = 5");
        }
        replay.assertFullyReplayed();

        Seen turn = recorder.await("turn");
        TurnOutcome outcome = (TurnOutcome) turn.ends().getFirst();
        assertThat(outcome.result().numTurns()).isEqualTo(2);
        assertThat(outcome.model()).hasValueSatisfying(model -> assertThat(model).startsWith("claude-"));
        assertThat(outcome.costUsd()).isEqualTo(outcome.result().totalCostUsd());
        assertThat(turn.parent()).isEqualTo("-");
        assertThat(turn.startedOn()).isSameAs(Thread.currentThread());

        Seen launch = recorder.await("launch:START");
        assertThat(launch.ends()).containsExactly("end");
        assertThat(launch.startedOn()).isSameAs(Thread.currentThread());
        assertThat(replay.launches().getFirst().environment()).containsEntry("OBSERVER_WAS_HERE", "launch:START");

        String tool = recorder.seen.stream().map(Seen::what).filter(what -> what.startsWith("tool:mcp__calc__add:toolu_"))
                .findFirst().orElseThrow();
        String toolUseId = tool.substring("tool:mcp__calc__add:".length());
        Seen toolUse = recorder.await(tool);
        assertThat(toolUse.parent()).isEqualTo("turn");
        assertThat(((ToolResultBlock) toolUse.ends().getFirst()).isError()).isFalse();
        assertThat(recorder.await("callback:CAN_USE_TOOL:mcp__calc__add:" + toolUseId))
                .satisfies(callback -> assertThat(callback.parent()).isEqualTo(tool))
                .satisfies(callback -> assertThat(callback.ends()).containsExactly("allow"));
        assertThat(recorder.await("callback:MCP_TOOL:calc/add:" + toolUseId))
                .satisfies(callback -> assertThat(callback.parent()).isEqualTo(tool))
                .satisfies(callback -> assertThat(callback.ends()).containsExactly("ok"));
        // the MCP handshake and tool listing are protocol traffic, not the application's code
        assertThat(recorder.seen).extracting(Seen::what).filteredOn(what -> what.startsWith("callback:")).hasSize(2);
        assertThat(recorder.await("session").ends()).containsExactly("end");
        // each operation ended exactly once
        assertThat(recorder.seen).allSatisfy(operation -> assertThat(operation.ends()).hasSize(1));
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void anObserverThatThrowsEverywhereChangesNothing(String version) throws Exception {
        ReplayTransport replay = new ReplayTransport(version, "40_sdk_mcp_tool_call.jsonl");
        Recorder recorder = new Recorder();
        try (Session session = ClaudeCode.start(calcSession().observer(new Broken()).observer(recorder).build(), replay)) {
            assertThat(session.query("add 2 and 3 with the calc tool").result()).contains("2 + 3 = 5");
        }
        replay.assertFullyReplayed();
        // the observers after the broken one are still told everything
        assertThat(recorder.await("turn").ends()).hasSize(1);
        assertThat(recorder.seen).filteredOn(operation -> operation.what().startsWith("callback:MCP_TOOL:calc/add:"))
                .singleElement().satisfies(callback -> assertThat(callback.ends()).containsExactly("ok"));
    }
}
