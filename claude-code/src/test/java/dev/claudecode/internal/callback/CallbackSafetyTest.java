package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.hook.HookContext;
import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.permission.PermissionResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Callbacks that throw, hang, ignore interruption, get cancelled, or run side by side. */
class CallbackSafetyTest {

    private static String permissionRequest(String id) {
        return "{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":{\"subtype\":\"can_use_tool\","
                + "\"tool_name\":\"Bash\",\"input\":{\"command\":\"rm -rf /\"},\"tool_use_id\":\"toolu_" + id + "\"}}";
    }

    private static String hookRequest(String id, String callbackId) {
        return "{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":{\"subtype\":\"hook_callback\","
                + "\"callback_id\":\"" + callbackId + "\",\"input\":{\"session_id\":\"s\",\"transcript_path\":\"/t\","
                + "\"cwd\":\"/w\",\"hook_event_name\":\"Stop\",\"stop_hook_active\":false},\"tool_use_id\":\"u\"}}";
    }

    private static String toolCall(String id, String tool) {
        return "{\"type\":\"control_request\",\"request_id\":\"" + id + "\",\"request\":{\"subtype\":\"mcp_message\","
                + "\"server_name\":\"slow\",\"message\":{\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{}},\"jsonrpc\":\"2.0\",\"id\":7}}}";
    }

    @Test
    void aThrowingPermissionCallbackDeniesWithItsMessage() {
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> {
            throw new IllegalStateException("policy store unreachable");
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(permissionRequest("p"));
            JsonNode answer = harness.answerTo("p");
            assertThat(answer.path("subtype").asString()).isEqualTo("success");
            assertThat(answer.path("response").path("behavior").asString()).isEqualTo("deny");
            assertThat(answer.path("response").path("message").asString()).contains("policy store unreachable");
            assertThat(answer.path("response").has("interrupt")).isFalse();
        }
    }

    @Test
    void aPermissionCallbackThatReturnsNullDenies() {
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().canUseTool(request -> null).build())) {
            harness.deliver(permissionRequest("p"));
            assertThat(harness.answerTo("p").path("response").path("behavior").asString()).isEqualTo("deny");
        }
    }

    @Test
    void aHangingPermissionCallbackDeniesAtItsTimeoutAndIsInterrupted() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder().permissionTimeout(Duration.ofMillis(200)).canUseTool(request -> {
            call.hang();
            return PermissionResult.allow();
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(permissionRequest("p"));
            JsonNode answer = harness.answerTo("p").path("response");
            assertThat(answer.path("behavior").asString()).isEqualTo("deny");
            assertThat(answer.path("message").asString()).contains("did not answer");
            assertThat(call.interrupted()).isTrue();
        }
    }

    @Test
    void aCallbackThatIgnoresInterruptionStillGetsItsAnswerSentAtTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CallbackConfig config = CallbackConfig.builder()
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> {
                    while (true) {
                        try {
                            if (release.await(10, TimeUnit.SECONDS)) {
                                return HookOutput.empty();
                            }
                        } catch (InterruptedException ignored) {
                            // deliberately deaf to cancellation
                        }
                    }
                }).withTimeout(Duration.ofMillis(200)))
                .build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(hookRequest("h", "hook_0"));
            JsonNode answer = harness.answerTo("h");
            assertThat(answer.path("subtype").asString()).isEqualTo("error");
            assertThat(answer.path("error").asString()).contains("hook_0").contains("did not answer");
        } finally {
            release.countDown();
        }
    }

    @Test
    void aHookContextReportsCancellationAtTheDeadline() throws Exception {
        AtomicReference<HookContext> seen = new AtomicReference<>();
        CountDownLatch observedCancel = new CountDownLatch(1);
        CallbackConfig config = CallbackConfig.builder().hookTimeout(Duration.ofMillis(150))
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> {
                    seen.set(context);
                    long spinUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    // poll, yielding the carrier: a virtual thread that spins without yielding could
                    // starve the timed wait of the thread that enforces the deadline
                    while (!context.isCancelled() && System.nanoTime() < spinUntil) {
                        LockSupport.parkNanos(1_000_000);
                    }
                    if (context.isCancelled()) {
                        observedCancel.countDown();
                    }
                    return HookOutput.empty();
                }))
                .build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(hookRequest("h", "hook_0"));
            assertThat(harness.answerTo("h").path("subtype").asString()).isEqualTo("error");
            assertThat(observedCancel.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(seen.get().event()).isEqualTo(HookEvent.STOP);
            assertThat(seen.get().callbackId()).isEqualTo("hook_0");
        }
    }

    @Test
    void aCancelledHookIsInterruptedAndNotAnswered() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder()
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> {
                    call.hang(() -> assertThat(context.isCancelled()).isTrue());
                    return HookOutput.empty();
                }))
                .build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(hookRequest("h", "hook_0"));
            assertThat(call.started()).isTrue();
            harness.deliver("{\"type\":\"control_cancel_request\",\"request_id\":\"h\"}");
            assertThat(call.interrupted()).isTrue();
            harness.deliver(hookRequest("after", "hook_9"));
            harness.answerTo("after");
            assertThat(harness.written()).hasSize(1);
        }
    }

    @Test
    void aHangingMcpToolIsAnsweredWithAJsonRpcErrorAtItsTimeout() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        SdkMcpServer slow = SdkMcpServer.builder("slow").tool("wait", "Waits", Map.of("type", "object"), args -> {
            call.hang();
            return ToolResult.text("done");
        }).build();
        CallbackConfig config = CallbackConfig.builder().sdkMcpServer("slow", slow).mcpTimeout(Duration.ofMillis(200)).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(toolCall("m", "wait"));
            JsonNode response = harness.answerTo("m").path("response").path("mcp_response");
            assertThat(response.path("id").asInt()).isEqualTo(7);
            assertThat(response.path("error").path("code").asInt()).isEqualTo(-32603);
            assertThat(response.path("error").path("message").asString()).contains("tools/call");
            assertThat(call.interrupted()).isTrue();
        }
    }

    @Test
    void aCancelledMcpToolCallIsInterruptedAndNotAnswered() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        SdkMcpServer slow = SdkMcpServer.builder("slow").tool("wait", "Waits", Map.of("type", "object"), args -> {
            call.hang();
            return ToolResult.text("done");
        }).build();
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().sdkMcpServer("slow", slow).build())) {
            harness.deliver(toolCall("m", "wait"));
            assertThat(call.started()).isTrue();
            harness.deliver("{\"type\":\"control_cancel_request\",\"request_id\":\"m\"}");
            assertThat(call.interrupted()).isTrue();
            harness.deliver(permissionRequest("after"));
            harness.answerTo("after");
            assertThat(harness.written()).hasSize(1);
        }
    }

    @Test
    void callbacksRunConcurrentlyOnVirtualThreadsOffTheDeliveringThread() throws Exception {
        int count = 8;
        CountDownLatch allRunning = new CountDownLatch(count);
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Thread delivering = Thread.currentThread();
        CallbackConfig config = CallbackConfig.builder()
                .canUseTool(request -> {
                    threads.add(Thread.currentThread());
                    allRunning.countDown();
                    release.await();
                    return PermissionResult.allow();
                })
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> {
                    threads.add(Thread.currentThread());
                    allRunning.countDown();
                    release.await();
                    return HookOutput.empty();
                }))
                .build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            for (int i = 0; i < count / 2; i++) {
                harness.deliver(permissionRequest("p" + i));
                harness.deliver(hookRequest("h" + i, "hook_0"));
            }
            // every callback is blocked at once: none waits for another, and delivering never blocked
            assertThat(allRunning.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(harness.written()).isEmpty();
            release.countDown();
            for (int i = 0; i < count / 2; i++) {
                assertThat(harness.answerTo("p" + i).path("response").path("behavior").asString()).isEqualTo("allow");
                assertThat(harness.answerTo("h" + i).path("subtype").asString()).isEqualTo("success");
            }
        }
        assertThat(threads).hasSize(count).allMatch(Thread::isVirtual).doesNotContain(delivering);
    }

    @Test
    void closingTheChannelInterruptsCallbacksInFlight() throws Exception {
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> {
            call.hang();
            return PermissionResult.allow();
        }).build();
        ChannelHarness harness = new ChannelHarness(config);
        harness.deliver(permissionRequest("p"));
        assertThat(call.started()).isTrue();
        harness.close();
        assertThat(call.interrupted()).isTrue();
        assertThat(harness.written()).isEmpty();
    }

    @Test
    void aHookThatReturnsNullChangesNothing() {
        CallbackConfig config = CallbackConfig.builder()
                .hook(HookEvent.STOP, HookMatcher.all((input, toolUseId, context) -> null)).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(hookRequest("h", "hook_0"));
            JsonNode answer = harness.answerTo("h");
            assertThat(answer.path("subtype").asString()).isEqualTo("success");
            assertThat(answer.path("response").isEmpty()).isTrue();
        }
    }

    @Test
    void severalHookCallbacksOfOneMatcherGetTheirOwnIds() {
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder()
                .hook(HookEvent.STOP, HookMatcher.all(
                        (i, t, c) -> {
                            order.add(c.callbackId());
                            return HookOutput.empty();
                        },
                        (i, t, c) -> {
                            order.add(c.callbackId());
                            return HookOutput.block("again");
                        }))
                .build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(hookRequest("a", "hook_0"));
            harness.answerTo("a");
            harness.deliver(hookRequest("b", "hook_1"));
            assertThat(harness.answerTo("b").path("response").path("decision").asString()).isEqualTo("block");
        }
        assertThat(order).containsExactly("hook_0", "hook_1");
    }
}
