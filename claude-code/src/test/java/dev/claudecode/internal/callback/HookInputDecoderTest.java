package dev.claudecode.internal.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.protocol.ProtocolRecordings;
import dev.claudecode.permission.PermissionMode;
import dev.claudecode.permission.PermissionUpdate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
