package dev.claudecode.internal.control;

import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.FileContents;
import dev.claudecode.control.McpCall;
import dev.claudecode.control.ReloadPlugins;
import dev.claudecode.control.SettingsFile;
import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.McpServerJson;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.options.ThinkingDisplay;
import dev.claudecode.permission.PermissionMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code request} objects of the control requests the SDK sends, one method per subtype, in
 * exactly the shape CLI 2.1.197 was recorded accepting (protocol/README.md section 6.1; unchanged in
 * 2.1.332), and for the subtypes and fields added since, the shape the CLI 2.1.332 schema and the
 * TypeScript SDK 0.3.336 give them. Optional fields are left out rather than sent as {@code null}
 * unless the CLI gives {@code null} a meaning.
 * {@code initialize} has its own builder, {@link InitializeRequest}.
 */
public final class ControlRequests {

    private ControlRequests() {
    }

    /** @return {@code {"subtype":"interrupt"}} */
    public static ObjectNode interrupt() {
        return subtype("interrupt");
    }

    /**
     * @param cancelQueued whether queued user messages are cancelled too ({@code cancel_queued},
     *     introduced after CLI 2.1.197; older CLIs ignore it)
     * @return {@code {"subtype":"interrupt","cancel_queued":true?}}
     */
    public static ObjectNode interrupt(boolean cancelQueued) {
        ObjectNode request = interrupt();
        if (cancelQueued) {
            request.put("cancel_queued", true);
        }
        return request;
    }

    /**
     * @param model the model to switch to; empty switches back to the default (the CLI reads a
     *     missing {@code model} as {@code default})
     * @return {@code {"subtype":"set_model","model":…}}
     */
    public static ObjectNode setModel(Optional<String> model) {
        ObjectNode request = subtype("set_model");
        model.ifPresent(value -> request.put("model", value));
        return request;
    }

    /**
     * @param mode the permission mode
     * @return {@code {"subtype":"set_permission_mode","mode":…}}
     */
    public static ObjectNode setPermissionMode(PermissionMode mode) {
        return subtype("set_permission_mode").put("mode", mode.value());
    }

    /**
     * @param tokens the thinking budget, 0 for off; empty restores the default, which the CLI
     *     reads from an explicit {@code null}
     * @return {@code {"subtype":"set_max_thinking_tokens","max_thinking_tokens":N|null}}
     */
    public static ObjectNode setMaxThinkingTokens(OptionalInt tokens) {
        ObjectNode request = subtype("set_max_thinking_tokens");
        if (tokens.isPresent()) {
            request.put("max_thinking_tokens", tokens.getAsInt());
        } else {
            request.putNull("max_thinking_tokens");
        }
        return request;
    }

    /**
     * Changes only the thinking display; the budget is left as it is (the field is left out).
     *
     * @param display the display for the rest of the session; empty clears the runtime override
     *     (an explicit {@code null}), so the CLI's default handling applies again
     * @return {@code {"subtype":"set_max_thinking_tokens","thinking_display":…|null}}
     */
    public static ObjectNode setThinkingDisplay(Optional<ThinkingDisplay> display) {
        ObjectNode request = subtype("set_max_thinking_tokens");
        display.ifPresentOrElse(value -> request.put("thinking_display", value.value()),
                () -> request.putNull("thinking_display"));
        return request;
    }

    /** @return {@code {"subtype":"mcp_status"}} */
    public static ObjectNode mcpStatus() {
        return subtype("mcp_status");
    }

    /**
     * @param serverName the server
     * @return {@code {"subtype":"mcp_reconnect","serverName":…}}
     */
    public static ObjectNode mcpReconnect(String serverName) {
        return subtype("mcp_reconnect").put("serverName", serverName);
    }

    /**
     * @param serverName the server
     * @param enabled whether it is switched on or off
     * @return {@code {"subtype":"mcp_toggle","serverName":…,"enabled":…}}
     */
    public static ObjectNode mcpToggle(String serverName, boolean enabled) {
        return subtype("mcp_toggle").put("serverName", serverName).put("enabled", enabled);
    }

    /**
     * @param servers the whole new set of dynamically managed servers, by name
     * @return {@code {"subtype":"mcp_set_servers","servers":{…}}}
     */
    public static ObjectNode mcpSetServers(Map<String, ? extends McpServerConfig> servers) {
        ObjectNode request = subtype("mcp_set_servers");
        request.set("servers", Json.toNode(McpServerJson.encode(servers)));
        return request;
    }

    /**
     * @param userMessageId the uuid of the user message whose state the files go back to
     * @param dryRun whether to only report what would change; a real rewind leaves the field out,
     *     as recorded
     * @return {@code {"subtype":"rewind_files","user_message_id":…,"dry_run":true?}}
     */
    public static ObjectNode rewindFiles(String userMessageId, boolean dryRun) {
        ObjectNode request = subtype("rewind_files").put("user_message_id", userMessageId);
        if (dryRun) {
            request.put("dry_run", true);
        }
        return request;
    }

    /**
     * @param taskId the background task, from {@code system/task_started}
     * @return {@code {"subtype":"stop_task","task_id":…}}
     */
    public static ObjectNode stopTask(String taskId) {
        return subtype("stop_task").put("task_id", taskId);
    }

    /** @return {@code {"subtype":"get_context_usage"}} */
    public static ObjectNode getContextUsage() {
        return subtype("get_context_usage");
    }

    /**
     * @param detail how to count
     * @return {@code {"subtype":"get_context_usage","detail":…}}
     */
    public static ObjectNode getContextUsage(ContextUsage.Detail detail) {
        return getContextUsage().put("detail", detail.value());
    }

    /** @return {@code {"subtype":"get_session_cost"}} */
    public static ObjectNode getSessionCost() {
        return subtype("get_session_cost");
    }

    /** @return {@code {"subtype":"list_models"}} */
    public static ObjectNode listModels() {
        return subtype("list_models");
    }

    /**
     * @param skipBehaviors whether the scan of local transcripts behind {@code behaviors} is skipped
     * @return {@code {"subtype":"get_usage","skip_behaviors":true?}}
     */
    public static ObjectNode getUsage(boolean skipBehaviors) {
        ObjectNode request = subtype("get_usage");
        if (skipBehaviors) {
            request.put("skip_behaviors", true);
        }
        return request;
    }

    /**
     * @param call the tool and how to call it
     * @return {@code {"subtype":"mcp_call","tool":…,"arguments":{…},"check_permissions"?,"result_not_for_model"?,
     *     "soft_error_result"?,"timeout_ms"?}}
     */
    public static ObjectNode mcpCall(McpCall call) {
        ObjectNode request = subtype("mcp_call").put("tool", call.tool());
        request.set("arguments", Json.toNode(call.arguments()));
        flag(request, "check_permissions", call.checkPermissions());
        flag(request, "result_not_for_model", call.resultNotForModel());
        flag(request, "soft_error_result", call.softErrorResult());
        call.timeout().ifPresent(timeout -> number(request, "timeout_ms", timeout.toMillis()));
        return request;
    }

    /**
     * @param query the partial path after {@code @}
     * @return {@code {"subtype":"file_suggestions","query":…}}
     */
    public static ObjectNode fileSuggestions(String query) {
        return subtype("file_suggestions").put("query", query);
    }

    /**
     * @param messageUuid the uuid of a queued user message
     * @return {@code {"subtype":"cancel_async_message","message_uuid":…}}
     */
    public static ObjectNode cancelAsyncMessage(String messageUuid) {
        return subtype("cancel_async_message").put("message_uuid", messageUuid);
    }

    /**
     * @param path the file, relative to the CLI's working directory or absolute
     * @param maxBytes the most bytes to read; empty for the CLI's 1 MB
     * @param encoding how to send the contents; UTF-8, the default, is left out
     * @return {@code {"subtype":"read_file","path":…,"max_bytes"?,"encoding"?}}
     */
    public static ObjectNode readFile(String path, OptionalInt maxBytes, FileContents.Encoding encoding) {
        ObjectNode request = subtype("read_file").put("path", path);
        maxBytes.ifPresent(bytes -> request.put("max_bytes", bytes));
        if (encoding != FileContents.Encoding.UTF_8) {
            request.put("encoding", encoding.value());
        }
        return request;
    }

    /**
     * @param path the file that was read
     * @param mtimeMillis its modification time then, in whole milliseconds
     * @return {@code {"subtype":"seed_read_state","path":…,"mtime":…}}
     */
    public static ObjectNode seedReadState(String path, long mtimeMillis) {
        return number(subtype("seed_read_state").put("path", path), "mtime", mtimeMillis);
    }

    /**
     * @param directory the directory to register as a working-directory root
     * @param reloadClaudeMd whether {@code CLAUDE.md} files are reloaded
     * @param reloadPlugins whether plugins are reloaded
     * @param reloadSkills whether skills are reloaded
     * @return {@code {"subtype":"register_repo_root","directory":…,"reload_claude_md"?,"reload_plugins"?,"reload_skills"?}}
     */
    public static ObjectNode registerRepoRoot(String directory, boolean reloadClaudeMd, boolean reloadPlugins,
            boolean reloadSkills) {
        ObjectNode request = subtype("register_repo_root").put("directory", directory);
        flag(request, "reload_claude_md", reloadClaudeMd);
        flag(request, "reload_plugins", reloadPlugins);
        flag(request, "reload_skills", reloadSkills);
        return request;
    }

    /**
     * @param reload how to reload; the defaults leave every field out, as recorded
     * @return {@code {"subtype":"reload_plugins","hold_on_cache_impact"?,"add_plugins"?,"refuse_if_busy"?}}
     */
    public static ObjectNode reloadPlugins(ReloadPlugins reload) {
        ObjectNode request = subtype("reload_plugins");
        flag(request, "hold_on_cache_impact", reload.holdOnCacheImpact());
        if (!reload.addPlugins().isEmpty() || !reload.addPluginsWithoutMcp().isEmpty()) {
            ArrayNode plugins = request.putArray("add_plugins");
            reload.addPlugins().forEach(path -> plugins.add(InitializeRequest.plugin(path, false)));
            reload.addPluginsWithoutMcp().forEach(path -> plugins.add(InitializeRequest.plugin(path, true)));
        }
        flag(request, "refuse_if_busy", reload.refuseIfBusy());
        return request;
    }

    /** @return {@code {"subtype":"reload_skills"}} */
    public static ObjectNode reloadSkills() {
        return subtype("reload_skills");
    }

    /** @return {@code {"subtype":"reload_output_styles"}} */
    public static ObjectNode reloadOutputStyles() {
        return subtype("reload_output_styles");
    }

    /**
     * @param hasSubscribers whether anybody watches the output; empty for "unknown" (an explicit {@code null})
     * @return {@code {"subtype":"set_has_subscribers","has_subscribers":…|null}}
     */
    public static ObjectNode setHasSubscribers(Optional<Boolean> hasSubscribers) {
        ObjectNode request = subtype("set_has_subscribers");
        hasSubscribers.ifPresentOrElse(value -> request.put("has_subscribers", value),
                () -> request.putNull("has_subscribers"));
        return request;
    }

    /**
     * @param toolUseId the tool use whose task is backgrounded; empty backgrounds every foreground task
     * @return {@code {"subtype":"background_tasks","tool_use_id"?}}
     */
    public static ObjectNode backgroundTasks(Optional<String> toolUseId) {
        ObjectNode request = subtype("background_tasks");
        toolUseId.ifPresent(id -> request.put("tool_use_id", id));
        return request;
    }

    /**
     * @param taskId a shell or Monitor task of the session
     * @return {@code {"subtype":"get_task_output","task_id":…}}
     */
    public static ObjectNode getTaskOutput(String taskId) {
        return subtype("get_task_output").put("task_id", taskId);
    }

    /** @return {@code {"subtype":"get_hooks_listing"}} */
    public static ObjectNode getHooksListing() {
        return subtype("get_hooks_listing");
    }

    /**
     * @param file the settings file to write
     * @param settings the keys to merge into it, as plain JSON values
     * @return {@code {"subtype":"update_settings","source":…,"settings":{…}}}
     */
    public static ObjectNode updateSettings(SettingsFile file, Map<String, ?> settings) {
        ObjectNode request = subtype("update_settings").put("source", file.value());
        request.set("settings", Json.toNode(settings));
        return request;
    }

    /** @return {@code {"subtype":"list_permission_rules"}} */
    public static ObjectNode listPermissionRules() {
        return subtype("list_permission_rules");
    }

    /**
     * @param serverName the server, as {@code mcp_status} names it
     * @param uri the {@code ui://} resource
     * @return {@code {"subtype":"mcp_read_resource","serverName":…,"uri":…}}
     */
    public static ObjectNode mcpReadResource(String serverName, String uri) {
        return subtype("mcp_read_resource").put("serverName", serverName).put("uri", uri);
    }

    /**
     * @param color an agent color name, or {@code default}
     * @return {@code {"subtype":"set_color","color":…}}
     */
    public static ObjectNode setColor(String color) {
        return subtype("set_color").put("color", color);
    }

    /**
     * @param serverName the MCP server, by the name it is registered under
     * @param mode {@code default} or {@code auto}; empty clears the override (an explicit {@code null})
     * @return {@code {"subtype":"set_mcp_permission_mode_override","serverName":…,"mode":…|null}}
     */
    public static ObjectNode setMcpPermissionModeOverride(String serverName, Optional<PermissionMode> mode) {
        ObjectNode request = subtype("set_mcp_permission_mode_override").put("serverName", serverName);
        mode.ifPresentOrElse(value -> request.put("mode", value.value()), () -> request.putNull("mode"));
        return request;
    }

    /**
     * @param title the session's new title
     * @return {@code {"subtype":"rename_session","title":…}}
     */
    public static ObjectNode renameSession(String title) {
        return subtype("rename_session").put("title", title);
    }

    /** @return {@code {"subtype":"get_settings"}} */
    public static ObjectNode getSettings() {
        return subtype("get_settings");
    }

    /**
     * @param settings settings to layer over the session's, as plain JSON values
     * @return {@code {"subtype":"apply_flag_settings","settings":{…}}}
     */
    public static ObjectNode applyFlagSettings(Map<String, ?> settings) {
        ObjectNode request = subtype("apply_flag_settings");
        request.set("settings", Json.toNode(settings));
        return request;
    }

    /** @return {@code {"subtype":"get_binary_version"}} */
    public static ObjectNode getBinaryVersion() {
        return subtype("get_binary_version");
    }

    /**
     * A request of any subtype, for those this library has no method for.
     *
     * @param subtype the subtype, not blank
     * @param fields the other fields, as plain JSON values; a {@code subtype} among them is ignored
     * @return {@code {"subtype":…, …fields}}
     */
    public static ObjectNode generic(String subtype, Map<String, ?> fields) {
        Objects.requireNonNull(subtype, "subtype");
        if (subtype.isBlank()) {
            throw new IllegalArgumentException("a control request needs a subtype");
        }
        ObjectNode request = subtype(subtype);
        fields.forEach((name, value) -> {
            if (value == null) {
                request.putNull(name);
            } else if (!name.equals("subtype")) {
                request.set(name, Json.toNode(value));
            }
        });
        return request;
    }

    // the JSON text is the same either way; the smallest node keeps requests equal to parsed ones
    private static ObjectNode number(ObjectNode request, String field, long value) {
        return value == (int) value ? request.put(field, (int) value) : request.put(field, value);
    }

    private static void flag(ObjectNode request, String field, boolean on) {
        if (on) {
            request.put(field, true);
        }
    }

    private static ObjectNode subtype(String subtype) {
        ObjectNode request = Json.object();
        request.put("subtype", subtype);
        return request;
    }
}
