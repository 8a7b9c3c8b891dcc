package dev.claudecode.internal.callback;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.internal.json.Json;
import dev.claudecode.permission.PermissionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code input} of a {@code hook_callback} request into the {@link HookInput} of its
 * event. Lenient like the rest of the decoders: a missing text field reads as empty, a missing
 * list as empty, so that a newer CLI that drops or renames a field still reaches the callback.
 */
final class HookInputDecoder {

    private HookInputDecoder() {
    }

    /**
     * Decodes one input.
     *
     * @param input the {@code input} object
     * @param registered the event the callback was registered for, used when the input names none
     * @return the typed input
     */
    static HookInput decode(JsonNode input, HookEvent registered) {
        HookInput.Common common = common(input);
        String name = Json.text(input, "hook_event_name").filter(n -> !n.isBlank()).orElse(registered.name());
        return switch (name) {
            case "PreToolUse" -> new HookInput.PreToolUse(
                    common,
                    text(input, "tool_name"),
                    map(input, "tool_input"),
                    text(input, "tool_use_id"));
            case "PostToolUse" -> new HookInput.PostToolUse(
                    common,
                    text(input, "tool_name"),
                    map(input, "tool_input"),
                    plain(input, "tool_response"),
                    text(input, "tool_use_id"),
                    optionalLong(input, "duration_ms"));
            case "PostToolUseFailure" -> new HookInput.PostToolUseFailure(
                    common,
                    text(input, "tool_name"),
                    map(input, "tool_input"),
                    text(input, "tool_use_id"),
                    text(input, "error"),
                    bool(input, "is_interrupt"),
                    optionalLong(input, "duration_ms"));
            case "PostToolBatch" -> new HookInput.PostToolBatch(common, toolCalls(input, "tool_calls"));
            case "Notification" -> new HookInput.Notification(
                    common,
                    text(input, "message"),
                    optionalText(input, "title"),
                    text(input, "notification_type"));
            case "UserPromptSubmit" -> new HookInput.UserPromptSubmit(
                    common,
                    text(input, "prompt"),
                    optionalText(input, "session_title"));
            case "UserPromptExpansion" -> new HookInput.UserPromptExpansion(
                    common,
                    text(input, "expansion_type"),
                    text(input, "command_name"),
                    text(input, "command_args"),
                    optionalText(input, "command_source"),
                    text(input, "prompt"));
            case "SessionStart" -> new HookInput.SessionStart(
                    common,
                    text(input, "source"),
                    optionalText(input, "model"),
                    optionalText(input, "session_title"));
            case "SessionEnd" -> new HookInput.SessionEnd(common, text(input, "reason"));
            case "Stop" -> new HookInput.Stop(
                    common,
                    bool(input, "stop_hook_active"),
                    optionalText(input, "last_assistant_message"),
                    maps(input, "background_tasks"),
                    maps(input, "session_crons"));
            case "StopFailure" -> new HookInput.StopFailure(
                    common,
                    text(input, "error"),
                    optionalText(input, "error_details"),
                    optionalText(input, "last_assistant_message"));
            case "SubagentStart" -> new HookInput.SubagentStart(
                    common,
                    text(input, "agent_id"),
                    text(input, "agent_type"));
            case "SubagentStop" -> new HookInput.SubagentStop(
                    common,
                    bool(input, "stop_hook_active"),
                    text(input, "agent_id"),
                    text(input, "agent_transcript_path"),
                    text(input, "agent_type"),
                    optionalText(input, "last_assistant_message"),
                    maps(input, "background_tasks"),
                    maps(input, "session_crons"));
            case "PreCompact" -> new HookInput.PreCompact(
                    common,
                    text(input, "trigger"),
                    optionalText(input, "custom_instructions"));
            case "PostCompact" -> new HookInput.PostCompact(
                    common,
                    text(input, "trigger"),
                    text(input, "compact_summary"));
            case "PermissionRequest" -> new HookInput.PermissionRequest(
                    common,
                    text(input, "tool_name"),
                    map(input, "tool_input"),
                    suggestions(input, "permission_suggestions"));
            case "PermissionDenied" -> new HookInput.PermissionDenied(
                    common,
                    text(input, "tool_name"),
                    map(input, "tool_input"),
                    text(input, "tool_use_id"),
                    text(input, "reason"));
            case "Setup" -> new HookInput.Setup(common, text(input, "trigger"));
            case "TeammateIdle" -> new HookInput.TeammateIdle(
                    common,
                    text(input, "teammate_name"),
                    text(input, "team_name"));
            case "TaskCreated" -> new HookInput.TaskCreated(
                    common,
                    text(input, "task_id"),
                    text(input, "task_subject"),
                    optionalText(input, "task_description"),
                    optionalText(input, "teammate_name"),
                    optionalText(input, "team_name"));
            case "TaskCompleted" -> new HookInput.TaskCompleted(
                    common,
                    text(input, "task_id"),
                    text(input, "task_subject"),
                    optionalText(input, "task_description"),
                    optionalText(input, "teammate_name"),
                    optionalText(input, "team_name"));
            case "Elicitation" -> new HookInput.Elicitation(
                    common,
                    text(input, "mcp_server_name"),
                    text(input, "message"),
                    optionalText(input, "mode"),
                    optionalText(input, "url"),
                    optionalText(input, "elicitation_id"),
                    optionalMap(input, "requested_schema"));
            case "ElicitationResult" -> new HookInput.ElicitationResult(
                    common,
                    text(input, "mcp_server_name"),
                    optionalText(input, "elicitation_id"),
                    optionalText(input, "mode"),
                    text(input, "action"),
                    optionalMap(input, "content"));
            case "ConfigChange" -> new HookInput.ConfigChange(
                    common,
                    text(input, "source"),
                    optionalText(input, "file_path"));
            case "WorktreeCreate" -> new HookInput.WorktreeCreate(common, text(input, "name"));
            case "WorktreeRemove" -> new HookInput.WorktreeRemove(common, text(input, "worktree_path"));
            case "InstructionsLoaded" -> new HookInput.InstructionsLoaded(
                    common,
                    text(input, "file_path"),
                    text(input, "memory_type"),
                    text(input, "load_reason"),
                    strings(input, "globs"),
                    optionalText(input, "trigger_file_path"),
                    optionalText(input, "parent_file_path"));
            case "CwdChanged" -> new HookInput.CwdChanged(common, text(input, "old_cwd"), text(input, "new_cwd"));
            case "FileChanged" -> new HookInput.FileChanged(common, text(input, "file_path"), text(input, "event"));
            case "MessageDisplay" -> new HookInput.MessageDisplay(
                    common,
                    text(input, "turn_id"),
                    text(input, "message_id"),
                    longValue(input, "index"),
                    bool(input, "final"),
                    text(input, "delta"));
            default -> new HookInput.Unknown(common, HookEvent.of(name));
        };
    }

    private static HookInput.Common common(JsonNode input) {
        return new HookInput.Common(
                text(input, "session_id"),
                text(input, "transcript_path"),
                text(input, "cwd"),
                Json.text(input, "permission_mode").filter(mode -> !mode.isBlank()).map(PermissionMode::of),
                optionalText(input, "prompt_id"),
                optionalText(input, "agent_id"),
                optionalText(input, "agent_type"),
                optionalText(input.path("effort"), "level"),
                Json.toMap(input));
    }

    private static String text(JsonNode node, String field) {
        return Json.text(node, field, "");
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        return Json.text(node, field);
    }

    private static Map<String, Object> map(JsonNode node, String field) {
        return Json.toMap(node.get(field));
    }

    private static Optional<Map<String, Object>> optionalMap(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? Optional.of(Json.toMap(value)) : Optional.empty();
    }

    private static Object plain(JsonNode node, String field) {
        Object value = Json.toJava(node.get(field));
        return value == null ? Map.of() : value;
    }

    private static boolean bool(JsonNode node, String field) {
        return Json.bool(node, field, false);
    }

    private static OptionalLong optionalLong(JsonNode node, String field) {
        return Json.longValue(node, field).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static long longValue(JsonNode node, String field) {
        return Json.longValue(node, field).orElse(0L);
    }

    private static List<String> strings(JsonNode node, String field) {
        return Json.strings(node.get(field));
    }

    private static List<Map<String, Object>> maps(JsonNode node, String field) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (JsonNode element : node.path(field)) {
            if (element.isObject()) {
                maps.add(Json.toMap(element));
            }
        }
        return maps;
    }

    private static List<dev.claudecode.permission.PermissionUpdate> suggestions(JsonNode node, String field) {
        return PermissionUpdates.decodeAll(node.get(field));
    }

    private static List<HookInput.ToolCall> toolCalls(JsonNode node, String field) {
        List<HookInput.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : node.path(field)) {
            if (call.isObject()) {
                calls.add(new HookInput.ToolCall(text(call, "tool_name"), map(call, "tool_input"),
                        text(call, "tool_use_id"),
                        Optional.ofNullable(Json.toJava(call.get("tool_response")))));
            }
        }
        return calls;
    }
}
