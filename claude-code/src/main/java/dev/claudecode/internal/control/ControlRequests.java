package dev.claudecode.internal.control;

import dev.claudecode.internal.json.Json;
import dev.claudecode.internal.launch.McpServerJson;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.permission.PermissionMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code request} objects of the control requests the SDK sends, one method per subtype, in
 * exactly the shape CLI 2.1.197 was recorded accepting (protocol/README.md section 6.1; unchanged in 2.1.332). Optional
 * fields are left out rather than sent as {@code null} unless the CLI gives {@code null} a meaning.
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

    private static ObjectNode subtype(String subtype) {
        ObjectNode request = Json.object();
        request.put("subtype", subtype);
        return request;
    }
}
