package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.hook.HookMatcher;
import dev.claudecode.hook.HookOutput;
import dev.claudecode.hook.HookSpecificOutput;
import dev.claudecode.hook.PermissionDecision;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.ToolResult;
import dev.claudecode.permission.PermissionBehavior;
import dev.claudecode.permission.PermissionDestination;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionResult;
import dev.claudecode.permission.PermissionRule;
import dev.claudecode.permission.PermissionUpdate;
import dev.claudecode.permission.ToolPermissionRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feeds the control requests that CLI 2.1.197 sent in the recorded transcripts through a control
 * channel answered by the callback router, and compares the answers with the ones the recording
 * SDK gave (and whose effect on the CLI the recordings show).
 */
class RecordedExchangesTest {

    private static List<Recordings.Exchange> requests(String version, String transcript, String subtype) {
        return Recordings.cliRequests(version, transcript).stream().filter(e -> e.subtype().equals(subtype)).toList();
    }

    private static void replay(ChannelHarness harness, List<Recordings.Exchange> exchanges) {
        for (Recordings.Exchange exchange : exchanges) {
            harness.deliver(exchange.line());
            assertThat(harness.answerTo(exchange.id())).as(exchange.id()).isEqualTo(exchange.recordedResponse());
        }
    }

    // ------------------------------------------------------------------ can_use_tool

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void allowWithChangedInputAnswersAsRecordedAndTheCallbackSeesTheWholeRequest(String version) {
        List<ToolPermissionRequest> seen = new CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> {
            seen.add(request);
            return PermissionResult.allow(Map.of("command", "touch changed-by-sdk.txt && echo created",
                    "description", "Create a file"));
        }).build();
        List<Recordings.Exchange> prompts = requests(version, "30", "can_use_tool");
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, prompts);
        }
        ToolPermissionRequest request = seen.getFirst();
        assertThat(request.toolName()).isEqualTo("Bash");
        assertThat(request.input()).containsEntry("command", "touch original.txt && echo created");
        assertThat(request.inputString("description")).contains("Create a file");
        assertThat(request.blockedPath()).contains("<CWD>/original.txt");
        assertThat(request.toolUseId()).isEqualTo(prompts.getFirst().request().path("tool_use_id").asString()).startsWith("toolu_fake_");
        assertThat(request.displayName()).contains("Bash");
        assertThat(request.description()).contains("Create a file");
        assertThat(request.sessionId()).contains("session-1");
        assertThat(request.cwd()).contains("/srv/project");
        assertThat(request.agentId()).isEmpty();
        assertThat(request.permissionSuggestions()).containsExactly(
                new PermissionUpdate.AddRules(List.of(PermissionRule.of("Bash", "touch original.txt && echo created")),
                        PermissionBehavior.ALLOW, PermissionDestination.LOCAL_SETTINGS),
                new PermissionUpdate.AddDirectories(List.of("<CWD>"), PermissionDestination.SESSION),
                new PermissionUpdate.SetMode(PermissionMode.ACCEPT_EDITS, PermissionDestination.SESSION));
        assertThat(request.raw()).containsEntry("subtype", "can_use_tool");
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void allowEchoesTheInputAndCarriesPermissionUpdatesAsRecorded(String version) {
        // 33: Write allowed as is (the recording echoed the input), Edit allowed with a session rule
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> request.toolName().equals("Edit")
                ? PermissionResult.allow().withUpdatedPermissions(PermissionUpdate.allowForSession(PermissionRule.tool("Edit")))
                : PermissionResult.allow()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, requests(version, "33", "can_use_tool"));
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void denyAndDenyWithInterruptAnswerAsRecorded(String version) {
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder()
                .canUseTool(request -> PermissionResult.deny("Denied by SDK policy: no rm")).build())) {
            replay(harness, requests(version, "31", "can_use_tool"));
        }
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder()
                .canUseTool(request -> PermissionResult.denyAndInterrupt("Stop everything")).build())) {
            replay(harness, requests(version, "32", "can_use_tool"));
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aPromptAfterAHookAskCarriesTheReasonType(String version) {
        List<ToolPermissionRequest> seen = new CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> {
            seen.add(request);
            return PermissionResult.allow();
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, requests(version, "35", "can_use_tool"));
        }
        assertThat(seen.getFirst().decisionReasonType()).contains("hook");
        assertThat(seen.getFirst().permissionSuggestions()).isEmpty();
        assertThat(seen.getFirst().blockedPath()).isEmpty();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void anMcpToolPromptIsAllowedWithItsInputEchoed(String version) {
        List<ToolPermissionRequest> seen = new CopyOnWriteArrayList<>();
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> {
            seen.add(request);
            return PermissionResult.allow();
        }).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, requests(version, "40", "can_use_tool"));
        }
        assertThat(seen.getFirst().toolName()).isEqualTo("mcp__calc__add");
        assertThat(seen.getFirst().displayName()).contains("Add");
        assertThat(seen.getFirst().permissionSuggestions()).containsExactly(new PermissionUpdate.AddRules(
                List.of(PermissionRule.tool("mcp__calc__add")), PermissionBehavior.ALLOW, PermissionDestination.LOCAL_SETTINGS));
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aCancelledPromptInterruptsTheCallbackAndIsNotAnswered(String version) throws Exception {
        // 52: an interrupt while can_use_tool is pending makes the CLI send control_cancel_request
        UntilInterrupted call = new UntilInterrupted();
        CallbackConfig config = CallbackConfig.builder().canUseTool(request -> {
            call.hang();
            return PermissionResult.allow();
        }).build();
        Recordings.Exchange prompt = requests(version, "52", "can_use_tool").getFirst();
        assertThat(prompt.cancelled()).isTrue();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            harness.deliver(prompt.line());
            assertThat(call.started()).isTrue();
            harness.deliver("{\"type\":\"control_cancel_request\",\"request_id\":\"" + prompt.id() + "\"}");
            assertThat(call.interrupted()).isTrue();
            // a request delivered after it is answered, so the channel has settled when this one is written
            harness.deliver("{\"type\":\"control_request\",\"request_id\":\"later\",\"request\":{\"subtype\":\"frobnicate\"}}");
            harness.answerTo("later");
            assertThat(harness.written()).hasSize(1);
        }
    }

    // ------------------------------------------------------------------ hook_callback

    /** The four hooks the recordings registered, in their order, so that the ids are hook_0..hook_3. */
    private static CallbackConfig.Builder recordedHooks(HookMatcher preToolUse, HookMatcher postToolUse,
            HookMatcher userPromptSubmit, HookMatcher stop) {
        return CallbackConfig.builder()
                .hook(HookEvent.PRE_TOOL_USE, preToolUse)
                .hook(HookEvent.POST_TOOL_USE, postToolUse)
                .hook(HookEvent.USER_PROMPT_SUBMIT, userPromptSubmit)
                .hook(HookEvent.STOP, stop);
    }

    private static HookOutput proceed() {
        return HookOutput.builder().shouldContinue(true).build();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void theInitializeHooksAreTheRecordedOnesWithoutNullMatchers(String version) {
        CallbackConfig config = recordedHooks(HookMatcher.of("Bash", (i, t, c) -> proceed()),
                HookMatcher.all((i, t, c) -> proceed()), HookMatcher.all((i, t, c) -> proceed()),
                HookMatcher.all((i, t, c) -> proceed())).build();
        ObjectNode initialize = Json.object();
        initialize.put("subtype", "initialize");
        config.addTo(initialize);
        ObjectNode recorded = (ObjectNode) Recordings.initializeRequest(version, "02").deepCopy();
        recorded.path("hooks").properties().forEach(event -> event.getValue().forEach(matcher -> {
            if (matcher.path("matcher").isNull()) {
                ((ObjectNode) matcher).remove("matcher");
            }
        }));
        assertThat(initialize).isEqualTo(recorded);
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aToolFlowOfHooksAnswersAsRecorded(String version) {
        // 35: UserPromptSubmit adds context, PreToolUse asks, PostToolUse adds context, Stop goes on
        List<HookInput> inputs = new CopyOnWriteArrayList<>();
        List<Recordings.Exchange> recorded = Recordings.cliRequests(version, "35");
        String bashToolUseId = recorded.stream().filter(e -> e.subtype().equals("hook_callback"))
                .filter(e -> e.request().path("callback_id").asString().equals("hook_0"))
                .findFirst().orElseThrow().request().path("tool_use_id").asString();
        CallbackConfig config = recordedHooks(
                HookMatcher.of("Bash", (input, toolUseId, context) -> {
                    inputs.add(input);
                    assertThat(toolUseId).contains(bashToolUseId);
                    assertThat(context.callbackId()).isEqualTo("hook_0");
                    return HookOutput.builder().shouldContinue(true).hookSpecificOutput(new HookSpecificOutput.PreToolUse(
                            Optional.of(PermissionDecision.ASK), Optional.empty(), Optional.empty(), Optional.empty())).build();
                }),
                HookMatcher.all((input, toolUseId, context) -> {
                    inputs.add(input);
                    return HookOutput.builder().shouldContinue(true).hookSpecificOutput(new HookSpecificOutput.PostToolUse(
                            Optional.of("PostToolUse hook says: output checked."), Optional.empty())).build();
                }),
                HookMatcher.all((input, toolUseId, context) -> {
                    inputs.add(input);
                    return HookOutput.additionalContext(HookEvent.USER_PROMPT_SUBMIT, "Context added by UserPromptSubmit hook.")
                            .toBuilder().shouldContinue(true).build();
                }),
                HookMatcher.all((input, toolUseId, context) -> {
                    inputs.add(input);
                    return proceed();
                })).canUseTool(request -> PermissionResult.allow()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, recorded);
        }
        assertThat(inputs).hasSize(4);
        HookInput.UserPromptSubmit submit = (HookInput.UserPromptSubmit) inputs.get(0);
        assertThat(submit.prompt()).isEqualTo("run echo hooked");
        HookInput.PreToolUse pre = (HookInput.PreToolUse) inputs.get(1);
        assertThat(pre.toolName()).isEqualTo("Bash");
        assertThat(pre.toolInput()).containsEntry("command", "echo hooked");
        // the default effort the CLI reports went from high (2.1.197) to medium (2.1.332)
        assertThat(pre.common().effort()).contains(version.equals(ProtocolRecordings.V2_1_197) ? "high" : "medium");
        HookInput.PostToolUse post = (HookInput.PostToolUse) inputs.get(2);
        assertThat(Json.toNode(post.toolResponse()).path("stdout").asString()).isEqualTo("hooked");
        assertThat(post.durationMs()).hasValue(recorded.stream().map(e -> e.request().path("input"))
                .filter(input -> input.path("hook_event_name").asString().equals("PostToolUse"))
                .findFirst().orElseThrow().path("duration_ms").longValue()).isPresent();
        HookInput.Stop stop = (HookInput.Stop) inputs.get(3);
        assertThat(stop.lastAssistantMessage()).contains("Done.");
        assertThat(stop.stopHookActive()).isFalse();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aPreToolUseDenyAnswersAsRecorded(String version) {
        CallbackConfig config = CallbackConfig.builder().hook(HookEvent.PRE_TOOL_USE,
                HookMatcher.of("Bash", (input, toolUseId, context) -> HookOutput.denyTool("Blocked by SDK PreToolUse hook")))
                .canUseTool(request -> PermissionResult.allow()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, Recordings.cliRequests(version, "36"));
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aStopBlockAndAContinueFalseAnswerAsRecorded(String version) {
        // 37: the Stop hook blocks once (the model goes on) and lets go when stop_hook_active;
        // the second prompt is halted by UserPromptSubmit
        CallbackConfig config = recordedHooks(
                HookMatcher.of("Bash", (i, t, c) -> proceed()),
                HookMatcher.all((i, t, c) -> proceed()),
                HookMatcher.all((input, toolUseId, context) -> ((HookInput.UserPromptSubmit) input).prompt().contains("halt")
                        ? HookOutput.stop("UserPromptSubmit hook halted the turn") : proceed()),
                HookMatcher.all((input, toolUseId, context) -> ((HookInput.Stop) input).stopHookActive()
                        ? proceed() : HookOutput.block("Stop hook: please also say goodbye."))).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, Recordings.cliRequests(version, "37"));
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void aThrowingHookIsAnErrorAnswerWithItsMessage(String version) {
        // 39: the CLI logs an error answer and carries on without the hook's output
        CallbackConfig config = recordedHooks(
                HookMatcher.of("Bash", (i, t, c) -> {
                    throw new IllegalStateException("hook crashed in SDK");
                }),
                HookMatcher.all((i, t, c) -> proceed()),
                HookMatcher.all((i, t, c) -> {
                    throw new IllegalStateException("hook crashed in SDK");
                }),
                HookMatcher.all((i, t, c) -> proceed())).canUseTool(request -> PermissionResult.allow()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            for (Recordings.Exchange exchange : requests(version, "39", "hook_callback")) {
                harness.deliver(exchange.line());
                JsonNode answer = harness.answerTo(exchange.id());
                assertThat(answer.path("subtype").asString()).isEqualTo(exchange.recordedResponse().path("subtype").asString())
                        .isEqualTo("error");
                assertThat(answer.path("error").asString()).contains("hook crashed in SDK")
                        .contains(exchange.request().path("callback_id").asString());
            }
        }
    }

    // ------------------------------------------------------------------ mcp_message

    private static SdkMcpServer calc() {
        return SdkMcpServer.builder("calc").version("1.0.0")
                .tool("add", "Add two numbers", Map.of(
                        "type", "object",
                        "properties", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")),
                        "required", List.of("a", "b")), args -> {
                            int a = ((Number) args.get("a")).intValue();
                            if (a == 99) {
                                return ToolResult.error("calc refuses 99");
                            }
                            if (a == 98) {
                                throw new IllegalStateException("calc crashed");
                            }
                            return ToolResult.text(String.valueOf(a + ((Number) args.get("b")).intValue()));
                        })
                .build();
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void theMcpBridgeAnswersTheRecordedHandshakeListAndCallExactly(String version) {
        CallbackConfig config = CallbackConfig.builder().sdkMcpServer("calc", calc())
                .canUseTool(request -> PermissionResult.allow()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            replay(harness, Recordings.cliRequests(version, "40"));
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void toolFailuresBecomeErrorResults(String version) {
        CallbackConfig config = CallbackConfig.builder().sdkMcpServer("calc", calc()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            List<Recordings.Exchange> calls = requests(version, "41", "mcp_message").stream()
                    .filter(e -> e.request().path("message").path("method").asString("").equals("tools/call")).toList();
            harness.deliver(calls.get(0).line());
            assertThat(harness.answerTo(calls.get(0).id())).isEqualTo(calls.get(0).recordedResponse());
            harness.deliver(calls.get(1).line());
            JsonNode thrown = harness.answerTo(calls.get(1).id()).path("response").path("mcp_response");
            assertThat(thrown.path("id").asInt()).isEqualTo(3);
            assertThat(thrown.path("result").path("isError").asBoolean()).isTrue();
            assertThat(thrown.path("result").path("content").get(0).path("text").asString()).isEqualTo("calc crashed");
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void theDoubleHandshakeOfMcpConfigRegistrationIsAnsweredEachTime(String version) {
        // 05: 2.1.197 sends the same JSON-RPC ids twice, the first before the initialize answer;
        // correlate by request id. 2.1.332 runs a single handshake (initialize, initialized, tools/list).
        CallbackConfig config = CallbackConfig.builder().sdkMcpServer("calc", calc()).build();
        try (ChannelHarness harness = new ChannelHarness(config)) {
            List<Recordings.Exchange> exchanges = requests(version, "05", "mcp_message");
            assertThat(exchanges).hasSizeGreaterThanOrEqualTo(version.equals(ProtocolRecordings.V2_1_197) ? 5 : 3);
            exchanges.forEach(e -> harness.deliver(e.line()));
            for (Recordings.Exchange exchange : exchanges) {
                JsonNode mine = harness.answerTo(exchange.id()).path("response").path("mcp_response");
                JsonNode theirs = exchange.recordedResponse().path("response").path("mcp_response");
                assertThat(mine.path("id")).isEqualTo(theirs.path("id"));
                assertThat(mine.has("error")).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void anUnknownServerIsAControlErrorLikeTheRecordedOne(String version) {
        // 42: a control error on the MCP initialize leaves the server failed in the CLI
        Recordings.Exchange exchange = requests(version, "42", "mcp_message").getFirst();
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().build())) {
            harness.deliver(exchange.line());
            JsonNode answer = harness.answerTo(exchange.id());
            assertThat(answer.path("subtype").asString()).isEqualTo(exchange.recordedResponse().path("subtype").asString());
            assertThat(answer.path("error").asString()).contains("calc");
        }
    }

    // ------------------------------------------------------------------ other subtypes

    @Test
    void otherSubtypesAreAnsweredWithTheCliOwnError() {
        try (ChannelHarness harness = new ChannelHarness(CallbackConfig.builder().build())) {
            harness.deliver("{\"type\":\"control_request\",\"request_id\":\"e1\",\"request\":{\"subtype\":\"brand_new_request\","
                    + "\"message\":\"?\"}}");
            assertThat(harness.answerTo("e1").path("error").asString())
                    .isEqualTo("Unsupported control request subtype: brand_new_request");
            harness.deliver("{\"type\":\"control_request\",\"request_id\":\"p1\",\"request\":{\"subtype\":\"can_use_tool\","
                    + "\"tool_name\":\"Bash\",\"input\":{},\"tool_use_id\":\"t\"}}");
            assertThat(harness.answerTo("p1").path("subtype").asString()).isEqualTo("error");
            harness.deliver("{\"type\":\"control_request\",\"request_id\":\"h1\",\"request\":{\"subtype\":\"hook_callback\","
                    + "\"callback_id\":\"hook_9\",\"input\":{}}}");
            assertThat(harness.answerTo("h1").path("error").asString()).contains("hook_9");
        }
    }
}
