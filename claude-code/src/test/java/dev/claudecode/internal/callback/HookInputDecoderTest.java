package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.GoldenTranscripts;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class HookInputDecoderTest {

    private static final String COMMON = "\"session_id\":\"s1\",\"transcript_path\":\"/c/p/s1.jsonl\",\"cwd\":\"/w\","
            + "\"permission_mode\":\"acceptEdits\",\"agent_id\":\"a7\",\"agent_type\":\"reviewer\",";

    private static HookInput decode(String event, String fields) {
        JsonNode input = Json.parse("{" + COMMON + "\"hook_event_name\":\"" + event + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}");
        return HookInputDecoder.decode(input, HookEvent.of(event));
    }

    @Test
    void everyRecordedInputDecodesToItsEvent() {
        for (String transcript : List.of("02", "06", "35", "36", "37", "38", "39")) {
            for (Recordings.Exchange exchange : everyVersion(transcript)) {
                if (!exchange.subtype().equals("hook_callback")) {
                    continue;
                }
                JsonNode raw = exchange.request().path("input");
                HookInput input = HookInputDecoder.decode(raw, HookEvent.of("Unused"));
                assertThat(input).isNotInstanceOf(HookInput.Unknown.class);
                assertThat(input.event().name()).isEqualTo(raw.path("hook_event_name").asString());
                assertThat(input.sessionId()).isEqualTo(raw.path("session_id").asString()).isNotEmpty();
                assertThat(input.transcriptPath()).endsWith(".jsonl");
                assertThat(input.cwd()).isEqualTo("<CWD>");
                assertThat(input.permissionMode()).contains(PermissionMode.DEFAULT);
                assertThat(input.common().promptId()).isPresent();
                assertThat(input.raw()).isEqualTo(Json.toMap(raw));
            }
        }
    }

    @ParameterizedTest(name = "CLI {0}")
    @MethodSource("dev.claudecode.internal.protocol.ProtocolRecordings#versions")
    void everyHookInputTheCliSentInAnyRecordingIsTyped(String version) {
        int inputs = 0;
        for (Path file : GoldenTranscripts.files(version)) {
            for (GoldenTranscripts.Entry entry : GoldenTranscripts.entries(version, file.getFileName().toString())) {
                if (entry.isOut() && entry.type().equals("control_request") && entry.requestSubtype().equals("hook_callback")) {
                    JsonNode raw = entry.msg().path("request").path("input");
                    HookInput input = HookInputDecoder.decode(raw, HookEvent.of("Unused"));
                    assertThat(input).as(entry.toString()).isNotInstanceOf(HookInput.Unknown.class);
                    assertThat(input.event().name()).as(entry.toString()).isEqualTo(raw.path("hook_event_name").asString());
                    inputs++;
                }
            }
        }
        assertThat(inputs).isGreaterThan(10);
    }

    @Test
    void theCommonFieldsAreRead() {
        HookInput input = decode("SessionEnd", "\"reason\":\"clear\",\"effort\":{\"level\":\"max\"},\"prompt_id\":\"p\"");
        assertThat(input.common().agentId()).contains("a7");
        assertThat(input.common().agentType()).contains("reviewer");
        assertThat(input.common().effort()).contains("max");
        assertThat(input.common().promptId()).contains("p");
        assertThat(input.permissionMode()).contains(PermissionMode.ACCEPT_EDITS);
        assertThat(((HookInput.SessionEnd) input).reason()).isEqualTo("clear");
    }

    @Test
    void toolEventsCarryTheToolUse() {
        HookInput.PostToolUseFailure failure = (HookInput.PostToolUseFailure) decode("PostToolUseFailure",
                "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"false\"},\"tool_use_id\":\"t1\",\"error\":\"exit 1\","
                        + "\"is_interrupt\":true,\"duration_ms\":12");
        assertThat(failure.toolName()).isEqualTo("Bash");
        assertThat(failure.toolInput()).containsEntry("command", "false");
        assertThat(failure.error()).isEqualTo("exit 1");
        assertThat(failure.interrupt()).isTrue();
        assertThat(failure.durationMs()).hasValue(12);

        HookInput.PostToolBatch batch = (HookInput.PostToolBatch) decode("PostToolBatch",
                "\"tool_calls\":[{\"tool_name\":\"Read\",\"tool_input\":{\"file_path\":\"/a\"},\"tool_use_id\":\"t2\","
                        + "\"tool_response\":\"text\"},{\"tool_name\":\"Bash\",\"tool_input\":{},\"tool_use_id\":\"t3\"}]");
        assertThat(batch.toolCalls()).hasSize(2);
        assertThat(batch.toolCalls().get(0).toolResponse()).contains("text");
        assertThat(batch.toolCalls().get(1).toolResponse()).isEmpty();

        HookInput.PermissionRequest request = (HookInput.PermissionRequest) decode("PermissionRequest",
                "\"tool_name\":\"Write\",\"tool_input\":{},\"permission_suggestions\":[{\"type\":\"setMode\","
                        + "\"mode\":\"acceptEdits\",\"destination\":\"session\"}]");
        assertThat(request.permissionSuggestions()).singleElement().isInstanceOf(PermissionUpdate.SetMode.class);

        HookInput.PermissionDenied denied = (HookInput.PermissionDenied) decode("PermissionDenied",
                "\"tool_name\":\"Bash\",\"tool_input\":{},\"tool_use_id\":\"t4\",\"reason\":\"policy\"");
        assertThat(denied.reason()).isEqualTo("policy");
    }

    @Test
    void lifecycleEventsCarryTheirFields() {
        assertThat(decode("Notification", "\"message\":\"m\",\"title\":\"t\",\"notification_type\":\"idle\""))
                .isEqualTo(new HookInput.Notification(common("Notification", "\"message\":\"m\",\"title\":\"t\","
                        + "\"notification_type\":\"idle\""), "m", java.util.Optional.of("t"), "idle"));
        HookInput.SessionStart start = (HookInput.SessionStart) decode("SessionStart", "\"source\":\"resume\",\"model\":\"opus\"");
        assertThat(start.source()).isEqualTo("resume");
        assertThat(start.model()).contains("opus");
        assertThat(start.sessionTitle()).isEmpty();
        HookInput.SubagentStop stop = (HookInput.SubagentStop) decode("SubagentStop", "\"stop_hook_active\":true,"
                + "\"agent_transcript_path\":\"/x.jsonl\",\"last_assistant_message\":\"done\",\"background_tasks\":[{\"id\":\"b1\"}]");
        assertThat(stop.subagentId()).isEqualTo("a7");
        assertThat(stop.subagentType()).isEqualTo("reviewer");
        assertThat(stop.stopHookActive()).isTrue();
        assertThat(stop.backgroundTasks()).containsExactly(Map.of("id", "b1"));
        assertThat(stop.sessionCrons()).isEmpty();
        HookInput.PreCompact compact = (HookInput.PreCompact) decode("PreCompact", "\"trigger\":\"manual\",\"custom_instructions\":null");
        assertThat(compact.customInstructions()).isEmpty();
        HookInput.InstructionsLoaded loaded = (HookInput.InstructionsLoaded) decode("InstructionsLoaded",
                "\"file_path\":\"/w/CLAUDE.md\",\"memory_type\":\"Project\",\"load_reason\":\"session_start\",\"globs\":[\"*.java\"]");
        assertThat(loaded.globs()).containsExactly("*.java");
        HookInput.FileChanged changed = (HookInput.FileChanged) decode("FileChanged", "\"file_path\":\"/w/a\",\"event\":\"unlink\"");
        assertThat(changed.change()).isEqualTo("unlink");
        HookInput.MessageDisplay display = (HookInput.MessageDisplay) decode("MessageDisplay",
                "\"turn_id\":\"t\",\"message_id\":\"m\",\"index\":3,\"final\":true,\"delta\":\"Hi\"");
        assertThat(display.index()).isEqualTo(3);
        assertThat(display.last()).isTrue();
        HookInput.Elicitation elicitation = (HookInput.Elicitation) decode("Elicitation",
                "\"mcp_server_name\":\"gh\",\"message\":\"token?\",\"mode\":\"form\",\"requested_schema\":{\"type\":\"object\"}");
        assertThat(elicitation.requestedSchema()).contains(Map.of("type", "object"));
    }

    @Test
    void theEventsAddedAfterCli2_1_197CarryTheirFields() {
        // shapes of the TypeScript SDK 0.3.336 declarations and of CLI 2.1.332's own input schemas
        String modelSwitch = "\"from_model\":\"claude-opus-5-5\",\"to_model\":\"claude-sonnet-5-5\",\"requested_model\":\"sonnet\","
                + "\"source\":\"sdk\",\"context_tokens\":1200,\"prompt_cache_warm\":true,\"cache_ttl\":\"5m\","
                + "\"estimated_cache_write_usd\":0.0042,\"pricing\":\"catalog\"";
        HookInput.PreModelSwitch pre = (HookInput.PreModelSwitch) decode("PreModelSwitch", modelSwitch);
        assertThat(pre.fromModel()).isEqualTo("claude-opus-5-5");
        assertThat(pre.toModel()).isEqualTo("claude-sonnet-5-5");
        assertThat(pre.requestedModel()).contains("sonnet");
        assertThat(pre.source()).isEqualTo("sdk");
        assertThat(pre.contextTokens()).isEqualTo(1200);
        assertThat(pre.promptCacheWarm()).isTrue();
        assertThat(pre.cacheTtl()).isEqualTo("5m");
        assertThat(pre.estimatedCacheWriteUsd()).isEqualTo(0.0042);
        assertThat(pre.pricing()).isEqualTo("catalog");
        HookInput.PostModelSwitch post = (HookInput.PostModelSwitch) decode("PostModelSwitch",
                modelSwitch.replace("\"requested_model\":\"sonnet\"", "\"requested_model\":null").replace("\"sdk\"", "\"resume\""));
        assertThat(post.requestedModel()).isEmpty();
        assertThat(post.source()).isEqualTo("resume");
        assertThat(post.toModel()).isEqualTo(pre.toModel());

        HookInput.Interrupt interrupt = (HookInput.Interrupt) decode("Interrupt",
                "\"source\":\"user\",\"reason\":\"stop\",\"via\":\"client\"");
        assertThat(interrupt).isEqualTo(new HookInput.Interrupt(interrupt.common(), "user", "stop", Optional.of("client")));
        HookInput.DirectoryAdded added = (HookInput.DirectoryAdded) decode("DirectoryAdded",
                "\"directory\":\"/w/lib\",\"source\":\"register_repo_root\"");
        assertThat(added.directory()).isEqualTo("/w/lib");
        assertThat(added.source()).isEqualTo("register_repo_root");
        HookInput.PreSkillShellCommand shell = (HookInput.PreSkillShellCommand) decode("PreSkillShellCommand",
                "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"echo hi\"},\"tool_use_id\":\"skill-1\","
                        + "\"command_name\":\"greet\",\"command_source\":\"projectSettings\",\"invoked_by\":\"user\"");
        assertThat(shell.command()).isEqualTo("echo hi");
        assertThat(shell.commandName()).isEqualTo("greet");
        assertThat(shell.commandSource()).contains("projectSettings");
        assertThat(shell.invokedBy()).isEqualTo("user");

        HookInput.SessionStart resumed = (HookInput.SessionStart) decode("SessionStart", "\"source\":\"fork\","
                + "\"seconds_since_last_response\":412.5,\"context_tokens\":9000,\"prompt_cache_likely_expired\":true,"
                + "\"estimated_cache_write_usd\":0.03");
        assertThat(resumed.source()).isEqualTo("fork");
        assertThat(resumed.secondsSinceLastResponse()).hasValue(412.5);
        assertThat(resumed.contextTokens()).hasValue(9000);
        assertThat(resumed.promptCacheLikelyExpired()).contains(true);
        assertThat(resumed.estimatedCacheWriteUsd()).hasValue(0.03);
        HookInput.SessionStart fresh = (HookInput.SessionStart) decode("SessionStart", "\"source\":\"startup\"");
        assertThat(fresh.secondsSinceLastResponse()).isEmpty();
        assertThat(fresh.promptCacheLikelyExpired()).isEmpty();

        assertThat(((HookInput.UserPromptSubmit) decode("UserPromptSubmit", "\"prompt\":\"hi\",\"source\":\"sdk\"")).source())
                .contains("sdk");
        String mcpTool = "\"tool_name\":\"mcp__calc__add\",\"tool_input\":{},\"tool_use_id\":\"t5\","
                + "\"mcp_server\":{\"name\":\"calc\",\"source\":\"sdk\"}";
        HookInput.McpServer calc = new HookInput.McpServer("calc", "sdk");
        assertThat(((HookInput.PreToolUse) decode("PreToolUse", mcpTool)).mcpServer()).contains(calc);
        assertThat(((HookInput.PostToolUse) decode("PostToolUse", mcpTool)).mcpServer()).contains(calc);
        assertThat(((HookInput.PostToolUseFailure) decode("PostToolUseFailure", mcpTool)).mcpServer()).contains(calc);
        assertThat(((HookInput.PermissionRequest) decode("PermissionRequest", mcpTool)).mcpServer()).contains(calc);
        assertThat(((HookInput.PermissionDenied) decode("PermissionDenied", mcpTool)).mcpServer()).contains(calc);
        assertThat(((HookInput.PreToolUse) decode("PreToolUse", "\"tool_name\":\"Bash\",\"mcp_server\":\"x\"")).mcpServer())
                .isEmpty();
    }

    @Test
    void everyKnownEventHasATypedInput() {
        for (HookEvent event : HookEvent.known()) {
            HookInput input = decode(event.name(), "");
            assertThat(input).as(event.name()).isNotInstanceOf(HookInput.Unknown.class);
            assertThat(input.event()).isEqualTo(event);
        }
    }

    @Test
    void missingFieldsReadAsEmptyAndUnknownEventsKeepTheirJson() {
        HookInput.PreToolUse bare = (HookInput.PreToolUse) HookInputDecoder.decode(Json.parse("{}"), HookEvent.PRE_TOOL_USE);
        assertThat(bare.toolName()).isEmpty();
        assertThat(bare.toolInput()).isEmpty();
        assertThat(bare.sessionId()).isEmpty();
        assertThat(bare.permissionMode()).isEmpty();
        HookInput future = decode("TeleportStart", "\"destination\":\"mars\"");
        assertThat(future).isInstanceOf(HookInput.Unknown.class);
        assertThat(future.event()).isEqualTo(HookEvent.of("TeleportStart"));
        assertThat(future.raw()).containsEntry("destination", "mars");
    }

    @Test
    void fieldsOfAnotherTypeReadAsAbsent() {
        HookInput.PostToolBatch batch = (HookInput.PostToolBatch) decode("PostToolBatch",
                "\"tool_calls\":[1,\"x\",{\"tool_name\":7,\"tool_input\":[],\"tool_response\":null}]");
        assertThat(batch.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.toolName()).isEmpty();
            assertThat(call.toolInput()).isEmpty();
            assertThat(call.toolResponse()).isEmpty();
        });
        HookInput.Stop stop = (HookInput.Stop) decode("Stop",
                "\"stop_hook_active\":\"yes\",\"background_tasks\":{\"id\":\"b1\"},\"session_crons\":[\"c\",{\"id\":\"c1\"}]");
        assertThat(stop.stopHookActive()).isFalse();
        assertThat(stop.backgroundTasks()).isEmpty();
        assertThat(stop.sessionCrons()).containsExactly(Map.of("id", "c1"));
        HookInput.PostToolUse post = (HookInput.PostToolUse) decode("PostToolUse", "\"duration_ms\":\"12\",\"tool_response\":null");
        assertThat(post.durationMs()).isEmpty();
        assertThat(post.toolResponse()).isEqualTo(Map.of());
        HookInput input = HookInputDecoder.decode(Json.parse("{\"permission_mode\":\" \",\"effort\":\"max\"}"),
                HookEvent.SESSION_END);
        assertThat(input.permissionMode()).isEmpty();
        assertThat(input.common().effort()).isEmpty();
    }

    private static HookInput.Common common(String event, String fields) {
        return HookInputDecoder.decode(Json.parse("{" + COMMON + "\"hook_event_name\":\"" + event + "\"," + fields + "}"),
                HookEvent.of(event)).common();
    }

    private static List<Recordings.Exchange> everyVersion(String transcript) {
        return ProtocolRecordings.versions().stream().flatMap(version -> Recordings.cliRequests(version, transcript).stream()).toList();
    }
}
