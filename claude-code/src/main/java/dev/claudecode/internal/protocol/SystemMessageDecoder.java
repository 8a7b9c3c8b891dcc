package dev.claudecode.internal.protocol;

import dev.claudecode.internal.json.Json;
import dev.claudecode.message.ApiRetryMessage;
import dev.claudecode.message.BackgroundTask;
import dev.claudecode.message.BackgroundTasksChangedMessage;
import dev.claudecode.message.CommandsChangedMessage;
import dev.claudecode.message.CompactBoundaryMessage;
import dev.claudecode.message.ControlRequestProgressMessage;
import dev.claudecode.message.ElicitationCompleteMessage;
import dev.claudecode.message.Envelope;
import dev.claudecode.message.FilesPersistedMessage;
import dev.claudecode.message.HookProgressMessage;
import dev.claudecode.message.HookResponseMessage;
import dev.claudecode.message.HookStartedMessage;
import dev.claudecode.message.InformationalMessage;
import dev.claudecode.message.InitMessage;
import dev.claudecode.message.LocalCommandOutputMessage;
import dev.claudecode.message.MemoryRecallMessage;
import dev.claudecode.message.MirrorErrorMessage;
import dev.claudecode.message.ModelRefusalFallbackMessage;
import dev.claudecode.message.ModelRefusalNoFallbackMessage;
import dev.claudecode.message.NotificationMessage;
import dev.claudecode.message.PermissionDeniedMessage;
import dev.claudecode.message.PluginInstallMessage;
import dev.claudecode.message.SessionStateChangedMessage;
import dev.claudecode.message.SessionTitleChangedMessage;
import dev.claudecode.message.SessionWritesLostMessage;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.message.StatusMessage;
import dev.claudecode.message.SystemMessage;
import dev.claudecode.message.TaskNotificationMessage;
import dev.claudecode.message.TaskProgressMessage;
import dev.claudecode.message.TaskStartedMessage;
import dev.claudecode.message.TaskUpdatedMessage;
import dev.claudecode.message.ThinkingTokensMessage;
import dev.claudecode.message.UnknownSystemMessage;
import dev.claudecode.message.WorkerShuttingDownMessage;
import dev.claudecode.store.SessionKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/** Decodes {@code "type":"system"} messages, one method per subtype. */
public final class SystemMessageDecoder {

    private static final Map<String, BiFunction<JsonNode, Envelope, SystemMessage>> BY_SUBTYPE = Map.ofEntries(
            Map.entry(InitMessage.SUBTYPE, SystemMessageDecoder::init),
            Map.entry(StatusMessage.SUBTYPE, SystemMessageDecoder::status),
            Map.entry(CompactBoundaryMessage.SUBTYPE, SystemMessageDecoder::compactBoundary),
            Map.entry(ApiRetryMessage.SUBTYPE, SystemMessageDecoder::apiRetry),
            Map.entry(TaskStartedMessage.SUBTYPE, SystemMessageDecoder::taskStarted),
            Map.entry(TaskUpdatedMessage.SUBTYPE, SystemMessageDecoder::taskUpdated),
            Map.entry(TaskNotificationMessage.SUBTYPE, SystemMessageDecoder::taskNotification),
            Map.entry(TaskProgressMessage.SUBTYPE, SystemMessageDecoder::taskProgress),
            Map.entry(HookStartedMessage.SUBTYPE, SystemMessageDecoder::hookStarted),
            Map.entry(HookProgressMessage.SUBTYPE, SystemMessageDecoder::hookProgress),
            Map.entry(HookResponseMessage.SUBTYPE, SystemMessageDecoder::hookResponse),
            Map.entry(ThinkingTokensMessage.SUBTYPE, SystemMessageDecoder::thinkingTokens),
            Map.entry(InformationalMessage.SUBTYPE, SystemMessageDecoder::informational),
            Map.entry(NotificationMessage.SUBTYPE, SystemMessageDecoder::notification),
            Map.entry(CommandsChangedMessage.SUBTYPE, SystemMessageDecoder::commandsChanged),
            Map.entry(MirrorErrorMessage.SUBTYPE, SystemMessageDecoder::mirrorError),
            Map.entry(PermissionDeniedMessage.SUBTYPE, SystemMessageDecoder::permissionDenied),
            Map.entry(LocalCommandOutputMessage.SUBTYPE, SystemMessageDecoder::localCommandOutput),
            Map.entry(SessionStateChangedMessage.SUBTYPE, SystemMessageDecoder::sessionStateChanged),
            Map.entry(SessionTitleChangedMessage.SUBTYPE, SystemMessageDecoder::sessionTitleChanged),
            Map.entry(ModelRefusalFallbackMessage.SUBTYPE, SystemMessageDecoder::modelRefusalFallback),
            Map.entry(ModelRefusalNoFallbackMessage.SUBTYPE, SystemMessageDecoder::modelRefusalNoFallback),
            Map.entry(BackgroundTasksChangedMessage.SUBTYPE, SystemMessageDecoder::backgroundTasksChanged),
            Map.entry(FilesPersistedMessage.SUBTYPE, SystemMessageDecoder::filesPersisted),
            Map.entry(SessionWritesLostMessage.SUBTYPE, SystemMessageDecoder::sessionWritesLost),
            Map.entry(ControlRequestProgressMessage.SUBTYPE, SystemMessageDecoder::controlRequestProgress),
            Map.entry(PluginInstallMessage.SUBTYPE, SystemMessageDecoder::pluginInstall),
            Map.entry(WorkerShuttingDownMessage.SUBTYPE, SystemMessageDecoder::workerShuttingDown),
            Map.entry(MemoryRecallMessage.SUBTYPE, SystemMessageDecoder::memoryRecall),
            Map.entry(ElicitationCompleteMessage.SUBTYPE, SystemMessageDecoder::elicitationComplete));

    private SystemMessageDecoder() {
    }

    /** Decodes a system message; an unknown subtype becomes {@link UnknownSystemMessage}. */
    static SystemMessage decode(JsonNode message, Envelope envelope) {
        String subtype = Fields.string(message, "subtype");
        BiFunction<JsonNode, Envelope, SystemMessage> decoder = BY_SUBTYPE.get(subtype);
        return decoder != null ? decoder.apply(message, envelope) : new UnknownSystemMessage(subtype, envelope);
    }

    private static SystemMessage init(JsonNode m, Envelope envelope) {
        List<InitMessage.McpServer> mcpServers = Fields.objects(m, "mcp_servers", server -> new InitMessage.McpServer(
                Fields.string(server, "name"), Fields.string(server, "status"), Fields.optString(server, "source")));
        List<InitMessage.Plugin> plugins = Fields.objects(m, "plugins", plugin -> new InitMessage.Plugin(
                Fields.string(plugin, "name"), Fields.string(plugin, "path"), Fields.optString(plugin, "version"),
                Fields.optString(plugin, "source")));
        List<InitMessage.PluginError> pluginErrors = Fields.objects(m, "plugin_errors", error -> new InitMessage.PluginError(
                Fields.string(error, "plugin"), Fields.string(error, "type"), Fields.string(error, "message"),
                Fields.optString(error, "path")));
        Map<String, String> memoryPaths = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : Fields.object(m, "memory_paths").properties()) {
            if (path.getValue().isString()) {
                memoryPaths.put(path.getKey(), path.getValue().stringValue());
            }
        }
        return new InitMessage(
                Fields.string(m, "cwd"),
                Fields.strings(m, "tools"),
                mcpServers,
                Fields.string(m, "model"),
                Fields.string(m, "permissionMode"),
                Fields.strings(m, "slash_commands"),
                Fields.string(m, "apiKeySource"),
                Fields.string(m, "claude_code_version"),
                Fields.string(m, "output_style"),
                Fields.strings(m, "agents"),
                Fields.strings(m, "skills"),
                plugins,
                Fields.optString(m, "fast_mode_state"),
                memoryPaths,
                Fields.strings(m, "betas"),
                Fields.strings(m, "capabilities"),
                Fields.strings(m, "terminal_slash_commands"),
                pluginErrors,
                Fields.optString(m, "fast_mode_disabled_reason"),
                Fields.optString(m, "effort"),
                Fields.optString(m, "view_mode"),
                Fields.strings(m, "additional_directories"),
                Fields.optString(m, "original_cwd"),
                Fields.optBool(m, "sandbox_enabled"),
                Fields.strings(m, "user_message_uuids"),
                envelope);
    }

    private static SystemMessage status(JsonNode m, Envelope envelope) {
        return new StatusMessage(
                Fields.optString(m, "status"),
                Fields.optString(m, "permissionMode"),
                Fields.optString(m, "compact_result"),
                Fields.optString(m, "compact_error"),
                envelope);
    }

    private static SystemMessage compactBoundary(JsonNode m, Envelope envelope) {
        JsonNode metadata = Fields.object(m, "compact_metadata");
        return new CompactBoundaryMessage(
                Fields.string(metadata, "trigger"),
                Fields.longValue(metadata, "pre_tokens"),
                Fields.optLong(metadata, "post_tokens"),
                Json.lazyMap(metadata),
                envelope);
    }

    private static SystemMessage apiRetry(JsonNode m, Envelope envelope) {
        return new ApiRetryMessage(
                Fields.intValue(m, "attempt"),
                Fields.intValue(m, "max_retries"),
                Fields.doubleValue(m, "retry_delay_ms"),
                Fields.optInt(m, "error_status"),
                Fields.string(m, "error"),
                envelope);
    }

    private static SystemMessage taskStarted(JsonNode m, Envelope envelope) {
        return new TaskStartedMessage(
                Fields.string(m, "task_id"),
                Fields.optString(m, "tool_use_id"),
                Fields.string(m, "description"),
                Fields.optString(m, "task_type"),
                Fields.optString(m, "subagent_type"),
                Fields.optString(m, "prompt"),
                Fields.optString(m, "parent_task_id"),
                Fields.optString(m, "run_id"),
                Fields.optBool(m, "is_backgrounded"),
                Fields.optInt(m, "spawn_depth"),
                Fields.optString(m, "workflow_name"),
                Fields.bool(m, "skip_transcript"),
                Fields.bool(m, "ambient"),
                envelope);
    }

    private static SystemMessage taskUpdated(JsonNode m, Envelope envelope) {
        return new TaskUpdatedMessage(
                Fields.string(m, "task_id"), Fields.map(m, "patch"), Fields.optString(m, "run_id"), envelope);
    }

    private static SystemMessage taskNotification(JsonNode m, Envelope envelope) {
        return new TaskNotificationMessage(
                Fields.string(m, "task_id"),
                Fields.optString(m, "tool_use_id"),
                Fields.string(m, "status"),
                Fields.string(m, "output_file"),
                Fields.string(m, "summary"),
                UsageDecoder.taskUsage(m),
                Fields.optString(m, "run_id"),
                Fields.optString(m, "reason"),
                Fields.optLong(m, "duration_ms"),
                Fields.objects(m, "resource_links", Json::toMap),
                Fields.bool(m, "summary_is_report"),
                Fields.bool(m, "skip_transcript"),
                Fields.bool(m, "ambient"),
                envelope);
    }

    private static SystemMessage taskProgress(JsonNode m, Envelope envelope) {
        return new TaskProgressMessage(
                Fields.string(m, "task_id"),
                Fields.optString(m, "tool_use_id"),
                Fields.string(m, "description"),
                UsageDecoder.taskUsage(m),
                Fields.optString(m, "last_tool_name"),
                Fields.optString(m, "summary"),
                Fields.optString(m, "run_id"),
                Fields.optString(m, "subagent_type"),
                envelope);
    }

    private static SystemMessage hookStarted(JsonNode m, Envelope envelope) {
        return new HookStartedMessage(
                Fields.string(m, "hook_id"),
                Fields.string(m, "hook_name"),
                Fields.string(m, "hook_event"),
                envelope);
    }

    private static SystemMessage hookProgress(JsonNode m, Envelope envelope) {
        return new HookProgressMessage(
                Fields.string(m, "hook_id"),
                Fields.string(m, "hook_name"),
                Fields.string(m, "hook_event"),
                Fields.string(m, "stdout"),
                Fields.string(m, "stderr"),
                Fields.string(m, "output"),
                envelope);
    }

    private static SystemMessage hookResponse(JsonNode m, Envelope envelope) {
        return new HookResponseMessage(
                Fields.string(m, "hook_id"),
                Fields.string(m, "hook_name"),
                Fields.string(m, "hook_event"),
                Fields.string(m, "output"),
                Fields.string(m, "stdout"),
                Fields.string(m, "stderr"),
                Fields.optInt(m, "exit_code"),
                Fields.string(m, "outcome"),
                envelope);
    }

    private static SystemMessage thinkingTokens(JsonNode m, Envelope envelope) {
        return new ThinkingTokensMessage(
                Fields.longValue(m, "estimated_tokens"),
                Fields.longValue(m, "estimated_tokens_delta"),
                envelope);
    }

    private static SystemMessage informational(JsonNode m, Envelope envelope) {
        return new InformationalMessage(
                Fields.string(m, "content"),
                Fields.string(m, "level"),
                Fields.bool(m, "prevent_continuation"),
                Fields.optString(m, "tool_use_id"),
                Fields.optString(m, "tag"),
                Fields.optMap(m, "prompt_submit_outcome"),
                envelope);
    }

    private static SystemMessage notification(JsonNode m, Envelope envelope) {
        return new NotificationMessage(
                Fields.string(m, "key"),
                Fields.string(m, "text"),
                Fields.string(m, "priority"),
                Fields.optLong(m, "timeout_ms"),
                Fields.optString(m, "color"),
                envelope);
    }

    // the session makes these itself; the decoder reads them back from a recording or another SDK's log
    private static SystemMessage mirrorError(JsonNode m, Envelope envelope) {
        JsonNode key = m.path("key");
        try {
            SessionKey sessionKey = new SessionKey(Fields.string(key, "projectKey"), Fields.string(key, "sessionId"),
                    Fields.optString(key, "subpath"));
            return new MirrorErrorMessage(Fields.string(m, "error"), sessionKey, envelope);
        } catch (IllegalArgumentException e) {
            return new UnknownSystemMessage(MirrorErrorMessage.SUBTYPE, envelope);
        }
    }

    private static SystemMessage permissionDenied(JsonNode m, Envelope envelope) {
        return new PermissionDeniedMessage(
                Fields.string(m, "tool_name"),
                Fields.string(m, "tool_use_id"),
                Fields.optString(m, "agent_id"),
                Fields.optString(m, "decision_reason_type"),
                Fields.optString(m, "decision_reason"),
                Fields.string(m, "message"),
                envelope);
    }

    private static SystemMessage localCommandOutput(JsonNode m, Envelope envelope) {
        return new LocalCommandOutputMessage(Fields.string(m, "content"), envelope);
    }

    private static SystemMessage sessionStateChanged(JsonNode m, Envelope envelope) {
        return new SessionStateChangedMessage(Fields.string(m, "state"), envelope);
    }

    private static SystemMessage sessionTitleChanged(JsonNode m, Envelope envelope) {
        return new SessionTitleChangedMessage(Fields.string(m, "title"), envelope);
    }

    private static SystemMessage modelRefusalFallback(JsonNode m, Envelope envelope) {
        return new ModelRefusalFallbackMessage(
                Fields.string(m, "trigger"),
                Fields.string(m, "direction"),
                Fields.optString(m, "scope"),
                Fields.string(m, "original_model"),
                Fields.string(m, "fallback_model"),
                Fields.optString(m, "request_id"),
                Fields.optString(m, "api_refusal_category"),
                Fields.optString(m, "api_refusal_explanation"),
                Fields.strings(m, "retracted_message_uuids"),
                Fields.optString(m, "refused_user_message_uuid"),
                Fields.string(m, "content"),
                envelope);
    }

    private static SystemMessage modelRefusalNoFallback(JsonNode m, Envelope envelope) {
        return new ModelRefusalNoFallbackMessage(
                Fields.string(m, "original_model"),
                Fields.optString(m, "request_id"),
                Fields.optString(m, "api_refusal_category"),
                Fields.optString(m, "api_refusal_explanation"),
                Fields.optString(m, "refused_user_message_uuid"),
                Fields.string(m, "content"),
                envelope);
    }

    private static SystemMessage backgroundTasksChanged(JsonNode m, Envelope envelope) {
        return new BackgroundTasksChangedMessage(Fields.objects(m, "tasks", task -> new BackgroundTask(
                Fields.string(task, "task_id"),
                Fields.optString(task, "run_id"),
                Fields.string(task, "task_type"),
                Fields.optString(task, "subagent_type"),
                Fields.string(task, "description"),
                Fields.optString(task, "parent_task_id"),
                Fields.bool(task, "ambient"))), envelope);
    }

    private static SystemMessage filesPersisted(JsonNode m, Envelope envelope) {
        return new FilesPersistedMessage(
                Fields.objects(m, "files", file -> new FilesPersistedMessage.PersistedFile(
                        Fields.string(file, "filename"), Fields.string(file, "file_id"))),
                Fields.objects(m, "failed", file -> new FilesPersistedMessage.FailedFile(
                        Fields.string(file, "filename"), Fields.string(file, "error"))),
                Fields.string(m, "processed_at"),
                envelope);
    }

    private static SystemMessage sessionWritesLost(JsonNode m, Envelope envelope) {
        return new SessionWritesLostMessage(
                Fields.string(m, "error_code"),
                Fields.strings(m, "lost"),
                Fields.strings(m, "transcript_session_ids"),
                envelope);
    }

    private static SystemMessage controlRequestProgress(JsonNode m, Envelope envelope) {
        return new ControlRequestProgressMessage(
                Fields.string(m, "request_id"),
                Fields.string(m, "status"),
                Fields.optInt(m, "attempt"),
                Fields.optInt(m, "max_retries"),
                Fields.optDouble(m, "retry_delay_ms"),
                Fields.optInt(m, "error_status"),
                envelope);
    }

    private static SystemMessage pluginInstall(JsonNode m, Envelope envelope) {
        return new PluginInstallMessage(
                Fields.string(m, "status"), Fields.optString(m, "name"), Fields.optString(m, "error"), envelope);
    }

    private static SystemMessage workerShuttingDown(JsonNode m, Envelope envelope) {
        return new WorkerShuttingDownMessage(Fields.string(m, "reason"), envelope);
    }

    private static SystemMessage memoryRecall(JsonNode m, Envelope envelope) {
        return new MemoryRecallMessage(
                Fields.string(m, "mode"),
                Fields.objects(m, "memories", memory -> new MemoryRecallMessage.Memory(
                        Fields.string(memory, "path"), Fields.string(memory, "scope"), Fields.optString(memory, "content"))),
                envelope);
    }

    private static SystemMessage elicitationComplete(JsonNode m, Envelope envelope) {
        return new ElicitationCompleteMessage(
                Fields.string(m, "mcp_server_name"), Fields.string(m, "elicitation_id"), envelope);
    }

    private static SystemMessage commandsChanged(JsonNode m, Envelope envelope) {
        return new CommandsChangedMessage(slashCommands(m.get("commands")), envelope);
    }

    /** Decodes an array of slash commands ({@code name, description, argumentHint, aliases}). */
    public static List<SlashCommand> slashCommands(JsonNode commands) {
        if (commands == null || !commands.isArray()) {
            return List.of();
        }
        List<SlashCommand> decoded = new ArrayList<>(commands.size());
        for (JsonNode command : commands) {
            if (command.isObject()) {
                decoded.add(new SlashCommand(
                        Fields.string(command, "name"),
                        Fields.string(command, "description"),
                        Fields.string(command, "argumentHint"),
                        Fields.strings(command, "aliases")));
            }
        }
        return Collections.unmodifiableList(decoded);
    }
}
