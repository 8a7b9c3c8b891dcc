package dev.claudecode.internal.control;

import dev.claudecode.control.BinaryVersion;
import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.RewindResult;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The typed runtime controls of a session: checks the arguments, builds each request with
 * {@link ControlRequests}, sends it through the session, and decodes the answer. Changes that a
 * new CLI must get again are recorded in {@link RuntimeSettings} once the CLI accepted them.
 */
public final class RuntimeControl {

    /** Sends one control request over the session's CLI and waits for the answer. */
    @FunctionalInterface
    public interface Caller {

        /**
         * @param request the {@code request} object
         * @return the answer's payload, an empty object when it has none
         * @throws dev.claudecode.errors.ClaudeCodeException when the request fails or times out
         */
        JsonNode call(ObjectNode request);
    }

    private final Caller caller;
    private final RuntimeSettings settings;

    /**
     * @param caller sends requests
     * @param settings records the changes a new CLI gets again
     */
    public RuntimeControl(Caller caller, RuntimeSettings settings) {
        this.caller = caller;
        this.settings = settings;
    }

    /** @param model the model to switch to, not blank; empty for the default */
    public void setModel(Optional<String> model) {
        model.ifPresent(value -> requireText(value, "model"));
        caller.call(ControlRequests.setModel(model));
        settings.model(model);
    }

    /** @param mode the permission mode */
    public void setPermissionMode(PermissionMode mode) {
        Objects.requireNonNull(mode, "mode");
        caller.call(ControlRequests.setPermissionMode(mode));
        settings.permissionMode(mode);
    }

    /** @param tokens the thinking budget, 0 for off, never negative; empty for the default */
    public void setMaxThinkingTokens(OptionalInt tokens) {
        Objects.requireNonNull(tokens, "tokens");
        if (tokens.isPresent() && tokens.getAsInt() < 0) {
            throw new IllegalArgumentException("maxThinkingTokens must not be negative, was " + tokens.getAsInt());
        }
        caller.call(ControlRequests.setMaxThinkingTokens(tokens));
        settings.maxThinkingTokens(tokens);
    }

    /** @return every MCP server of the session */
    public List<McpServerStatus> mcpStatus() {
        return McpDecoder.status(caller.call(ControlRequests.mcpStatus()));
    }

    /** @param serverName the server to reconnect */
    public void mcpReconnect(String serverName) {
        caller.call(ControlRequests.mcpReconnect(requireText(serverName, "serverName")));
    }

    /**
     * @param serverName the server
     * @param enabled whether to switch it on or off
     */
    public void mcpToggle(String serverName, boolean enabled) {
        caller.call(ControlRequests.mcpToggle(requireText(serverName, "serverName"), enabled));
    }

    /**
     * @param servers the new set of dynamically managed servers
     * @return what changed
     */
    public McpSetServersResult setMcpServers(Map<String, ? extends McpServerConfig> servers) {
        Objects.requireNonNull(servers, "servers");
        servers.forEach((name, config) -> {
            requireText(name, "an MCP server name");
            Objects.requireNonNull(config, () -> "the MCP server " + name + " has no configuration");
        });
        return McpDecoder.setServersResult(caller.call(ControlRequests.mcpSetServers(servers)));
    }

    /**
     * @param userMessageId the user message whose state the files go back to
     * @param dryRun whether to only report what would change
     * @return the result
     */
    public RewindResult rewindFiles(String userMessageId, boolean dryRun) {
        return ControlResponses.rewindResult(
                caller.call(ControlRequests.rewindFiles(requireText(userMessageId, "userMessageId"), dryRun)));
    }

    /** @param taskId the background task to stop */
    public void stopTask(String taskId) {
        caller.call(ControlRequests.stopTask(requireText(taskId, "taskId")));
    }

    /** @return the context window's usage */
    public ContextUsage contextUsage() {
        return ContextUsageDecoder.decode(caller.call(ControlRequests.getContextUsage()));
    }

    /** @param title the session's new title */
    public void renameSession(String title) {
        caller.call(ControlRequests.renameSession(requireText(title, "title")));
    }

    /** @return the session's settings */
    public EffectiveSettings getSettings() {
        return ControlResponses.settings(caller.call(ControlRequests.getSettings()));
    }

    /** @param settings settings to layer over the session's */
    public void applyFlagSettings(Map<String, ?> settings) {
        Objects.requireNonNull(settings, "settings");
        caller.call(ControlRequests.applyFlagSettings(settings));
    }

    /** @return the running CLI's version */
    public BinaryVersion binaryVersion() {
        return ControlResponses.binaryVersion(caller.call(ControlRequests.getBinaryVersion()));
    }

    /**
     * @param subtype any subtype
     * @param fields its other fields
     * @return the answer's payload as plain JSON
     */
    public Map<String, Object> request(String subtype, Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        return Json.toMap(caller.call(ControlRequests.generic(subtype, fields)));
    }

    private static String requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
