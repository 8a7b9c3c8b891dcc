package dev.claudecode.internal.callback;

import dev.claudecode.hook.HookEvent;
import dev.claudecode.hook.HookInput;
import dev.claudecode.permission.PermissionMode;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code input} of a {@code hook_callback} request into the {@link HookInput} of its
 * event. The fields every event has are read once, into {@link HookInput.Common}; {@link #EVENTS}
 * then says, one entry an event, which wire field goes into which component of the event's record.
 * An event missing from the table arrives as {@link HookInput.Unknown}. Fields are read leniently
 * ({@link HookFields}), so that a newer CLI that drops or renames a field still reaches the callback.
 */
final class HookInputDecoder {

    /** Builds the record of one event from the common fields and the event's own. */
    @FunctionalInterface
    private interface Reader {
        HookInput read(HookInput.Common common, HookFields in);
    }

    /**
     * Every event with a typed input, keyed by wire name. To add an event: its constant in
     * {@link HookEvent}, its record in {@link HookInput}, and one entry here.
     */
    private static final Map<String, Reader> EVENTS = Map.ofEntries(
            on(HookEvent.PRE_TOOL_USE, (common, in) -> new HookInput.PreToolUse(common,
                    in.text("tool_name"), in.map("tool_input"), in.text("tool_use_id"), mcpServer(in))),
            on(HookEvent.POST_TOOL_USE, (common, in) -> new HookInput.PostToolUse(common,
                    in.text("tool_name"), in.map("tool_input"), in.plain("tool_response"), in.text("tool_use_id"),
                    in.optionalLong("duration_ms"), mcpServer(in))),
            on(HookEvent.POST_TOOL_USE_FAILURE, (common, in) -> new HookInput.PostToolUseFailure(common,
                    in.text("tool_name"), in.map("tool_input"), in.text("tool_use_id"), in.text("error"),
                    in.bool("is_interrupt"), in.optionalLong("duration_ms"), mcpServer(in))),
            on(HookEvent.POST_TOOL_BATCH, (common, in) -> new HookInput.PostToolBatch(common,
                    in.objects("tool_calls").stream().map(HookInputDecoder::toolCall).toList())),
            on(HookEvent.NOTIFICATION, (common, in) -> new HookInput.Notification(common,
                    in.text("message"), in.optionalText("title"), in.text("notification_type"))),
            on(HookEvent.USER_PROMPT_SUBMIT, (common, in) -> new HookInput.UserPromptSubmit(common,
                    in.text("prompt"), in.optionalText("session_title"), in.optionalText("source"))),
            on(HookEvent.USER_PROMPT_EXPANSION, (common, in) -> new HookInput.UserPromptExpansion(common,
                    in.text("expansion_type"), in.text("command_name"), in.text("command_args"),
                    in.optionalText("command_source"), in.text("prompt"))),
            on(HookEvent.SESSION_START, (common, in) -> new HookInput.SessionStart(common,
                    in.text("source"), in.optionalText("model"), in.optionalText("session_title"),
                    in.optionalDouble("seconds_since_last_response"), in.optionalLong("context_tokens"),
                    in.optionalBool("prompt_cache_likely_expired"), in.optionalDouble("estimated_cache_write_usd"))),
            on(HookEvent.SESSION_END, (common, in) -> new HookInput.SessionEnd(common, in.text("reason"))),
            on(HookEvent.STOP, (common, in) -> new HookInput.Stop(common,
                    in.bool("stop_hook_active"), in.optionalText("last_assistant_message"),
                    in.maps("background_tasks"), in.maps("session_crons"))),
            on(HookEvent.STOP_FAILURE, (common, in) -> new HookInput.StopFailure(common,
                    in.text("error"), in.optionalText("error_details"), in.optionalText("last_assistant_message"))),
            on(HookEvent.INTERRUPT, (common, in) -> new HookInput.Interrupt(common,
                    in.text("source"), in.text("reason"), in.optionalText("via"))),
            on(HookEvent.SUBAGENT_START, (common, in) -> new HookInput.SubagentStart(common,
                    in.text("agent_id"), in.text("agent_type"))),
            on(HookEvent.SUBAGENT_STOP, (common, in) -> new HookInput.SubagentStop(common,
                    in.bool("stop_hook_active"), in.text("agent_id"), in.text("agent_transcript_path"),
                    in.text("agent_type"), in.optionalText("last_assistant_message"),
                    in.maps("background_tasks"), in.maps("session_crons"))),
            on(HookEvent.PRE_COMPACT, (common, in) -> new HookInput.PreCompact(common,
                    in.text("trigger"), in.optionalText("custom_instructions"))),
            on(HookEvent.POST_COMPACT, (common, in) -> new HookInput.PostCompact(common,
                    in.text("trigger"), in.text("compact_summary"))),
            on(HookEvent.PRE_MODEL_SWITCH, (common, in) -> new HookInput.PreModelSwitch(common,
                    in.text("from_model"), in.text("to_model"), in.optionalText("requested_model"), in.text("source"),
                    in.longValue("context_tokens"), in.bool("prompt_cache_warm"), in.text("cache_ttl"),
                    in.doubleValue("estimated_cache_write_usd"), in.text("pricing"))),
            on(HookEvent.POST_MODEL_SWITCH, (common, in) -> new HookInput.PostModelSwitch(common,
                    in.text("from_model"), in.text("to_model"), in.optionalText("requested_model"), in.text("source"),
                    in.longValue("context_tokens"), in.bool("prompt_cache_warm"), in.text("cache_ttl"),
                    in.doubleValue("estimated_cache_write_usd"), in.text("pricing"))),
            on(HookEvent.PERMISSION_REQUEST, (common, in) -> new HookInput.PermissionRequest(common,
                    in.text("tool_name"), in.map("tool_input"), in.permissionUpdates("permission_suggestions"),
                    mcpServer(in))),
            on(HookEvent.PERMISSION_DENIED, (common, in) -> new HookInput.PermissionDenied(common,
                    in.text("tool_name"), in.map("tool_input"), in.text("tool_use_id"), in.text("reason"),
                    mcpServer(in))),
            on(HookEvent.SETUP, (common, in) -> new HookInput.Setup(common, in.text("trigger"))),
            on(HookEvent.TEAMMATE_IDLE, (common, in) -> new HookInput.TeammateIdle(common,
                    in.text("teammate_name"), in.text("team_name"))),
            on(HookEvent.TASK_CREATED, (common, in) -> new HookInput.TaskCreated(common,
                    in.text("task_id"), in.text("task_subject"), in.optionalText("task_description"),
                    in.optionalText("teammate_name"), in.optionalText("team_name"))),
            on(HookEvent.TASK_COMPLETED, (common, in) -> new HookInput.TaskCompleted(common,
                    in.text("task_id"), in.text("task_subject"), in.optionalText("task_description"),
                    in.optionalText("teammate_name"), in.optionalText("team_name"))),
            on(HookEvent.ELICITATION, (common, in) -> new HookInput.Elicitation(common,
                    in.text("mcp_server_name"), in.text("message"), in.optionalText("mode"), in.optionalText("url"),
                    in.optionalText("elicitation_id"), in.optionalMap("requested_schema"))),
            on(HookEvent.ELICITATION_RESULT, (common, in) -> new HookInput.ElicitationResult(common,
                    in.text("mcp_server_name"), in.optionalText("elicitation_id"), in.optionalText("mode"),
                    in.text("action"), in.optionalMap("content"))),
            on(HookEvent.CONFIG_CHANGE, (common, in) -> new HookInput.ConfigChange(common,
                    in.text("source"), in.optionalText("file_path"))),
            on(HookEvent.WORKTREE_CREATE, (common, in) -> new HookInput.WorktreeCreate(common, in.text("name"))),
            on(HookEvent.WORKTREE_REMOVE, (common, in) -> new HookInput.WorktreeRemove(common, in.text("worktree_path"))),
            on(HookEvent.INSTRUCTIONS_LOADED, (common, in) -> new HookInput.InstructionsLoaded(common,
                    in.text("file_path"), in.text("memory_type"), in.text("load_reason"), in.strings("globs"),
                    in.optionalText("trigger_file_path"), in.optionalText("parent_file_path"))),
            on(HookEvent.CWD_CHANGED, (common, in) -> new HookInput.CwdChanged(common,
                    in.text("old_cwd"), in.text("new_cwd"))),
            on(HookEvent.FILE_CHANGED, (common, in) -> new HookInput.FileChanged(common,
                    in.text("file_path"), in.text("event"))),
            on(HookEvent.DIRECTORY_ADDED, (common, in) -> new HookInput.DirectoryAdded(common,
                    in.text("directory"), in.text("source"))),
            on(HookEvent.MESSAGE_DISPLAY, (common, in) -> new HookInput.MessageDisplay(common,
                    in.text("turn_id"), in.text("message_id"), in.longValue("index"), in.bool("final"),
                    in.text("delta"))),
            on(HookEvent.PRE_SKILL_SHELL_COMMAND, (common, in) -> new HookInput.PreSkillShellCommand(common,
                    in.text("tool_name"), in.map("tool_input"), in.text("tool_use_id"), in.text("command_name"),
                    in.optionalText("command_source"), in.text("invoked_by"))));

    private HookInputDecoder() {
    }

    /**
     * Decodes one input.
     *
     * @param input the {@code input} object
     * @param registered the event the callback was registered for, used when the input names none
     * @return the typed input, or {@link HookInput.Unknown} for an event without an entry in {@link #EVENTS}
     */
    static HookInput decode(JsonNode input, HookEvent registered) {
        HookFields in = new HookFields(input);
        HookInput.Common common = common(in);
        String name = in.nonBlankText("hook_event_name").orElse(registered.name());
        Reader reader = EVENTS.get(name);
        return reader == null ? new HookInput.Unknown(common, HookEvent.of(name)) : reader.read(common, in);
    }

    private static Map.Entry<String, Reader> on(HookEvent event, Reader reader) {
        return Map.entry(event.name(), reader);
    }

    private static HookInput.Common common(HookFields in) {
        return new HookInput.Common(
                in.text("session_id"),
                in.text("transcript_path"),
                in.text("cwd"),
                in.nonBlankText("permission_mode").map(PermissionMode::of),
                in.optionalText("prompt_id"),
                in.optionalText("agent_id"),
                in.optionalText("agent_type"),
                in.object("effort").optionalText("level"),
                in.all());
    }

    private static Optional<HookInput.McpServer> mcpServer(HookFields in) {
        return in.optionalObject("mcp_server")
                .map(server -> new HookInput.McpServer(server.text("name"), server.text("source")));
    }

    private static HookInput.ToolCall toolCall(HookFields call) {
        return new HookInput.ToolCall(call.text("tool_name"), call.map("tool_input"), call.text("tool_use_id"),
                call.optionalPlain("tool_response"));
    }
}
