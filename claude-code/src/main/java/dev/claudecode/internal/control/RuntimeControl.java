package dev.claudecode.internal.control;

import dev.claudecode.control.AccountInfo;
import dev.claudecode.control.AgentInfo;
import dev.claudecode.control.BinaryVersion;
import dev.claudecode.control.ContextUsage;
import dev.claudecode.control.EffectiveSettings;
import dev.claudecode.control.ModelInfo;
import dev.claudecode.control.RewindResult;
import dev.claudecode.control.ServerInfo;
import dev.claudecode.control.SessionControl;
import dev.claudecode.internal.json.Json;
import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.mcp.McpSetServersResult;
import dev.claudecode.message.SlashCommand;
import dev.claudecode.permission.PermissionMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link SessionControl} of a session: checks the arguments, builds each request with
 * {@link ControlRequests}, sends it through the session's CLI, and decodes the answer. Changes
 * that a new CLI must get again are recorded in {@link RuntimeSettings} once the CLI accepted
 * them. Thread-safe: it keeps no state of its own.
 */
public final class RuntimeControl implements SessionControl {

    /** Sends one control request over the session's CLI and waits for the answer. */
    @FunctionalInterface
    public interface Caller {

        /**
         * Sends a request and waits for its answer.
         *
         * @param request the {@code request} object
         * @return the answer's payload, an empty object when it has none
         * @throws dev.claudecode.errors.ClaudeCodeException when the request fails or times out
         */
        JsonNode call(ObjectNode request);
    }

    private final Caller caller;
    private final Supplier<ServerInfo> serverInfo;
    private final RuntimeSettings settings;
    private final Optional<String> startModel;
    private final Consumer<Map<String, ? extends McpServerConfig>> sdkServers;

    /**
     * Creates the controls of one session.
     *
     * @param caller sends requests to the session's CLI
     * @param serverInfo the current CLI's answer to {@code initialize}
     * @param settings records the changes a new CLI gets again
     * @param startModel the model the session started with, which {@link #resetModel()} goes back to
     * @param sdkServers registers the in-process SDK servers among those given to {@link #setMcpServers}
     *     before the CLI is told about them, so that it can reach them at once
     */
    public RuntimeControl(Caller caller, Supplier<ServerInfo> serverInfo, RuntimeSettings settings,
            Optional<String> startModel, Consumer<Map<String, ? extends McpServerConfig>> sdkServers) {
        this.caller = caller;
        this.serverInfo = serverInfo;
        this.settings = settings;
        this.startModel = startModel;
        this.sdkServers = sdkServers;
    }

    @Override
    public void setModel(String model) {
        switchModel(Optional.of(model));
    }

    @Override
    public void resetModel() {
        switchModel(startModel);
    }

    private void switchModel(Optional<String> model) {
        model.ifPresent(value -> requireText(value, "model"));
        caller.call(ControlRequests.setModel(model));
        settings.model(model);
    }

    @Override
    public void setMaxThinkingTokens(OptionalInt tokens) {
        Objects.requireNonNull(tokens, "maxThinkingTokens");
        if (tokens.isPresent() && tokens.getAsInt() < 0) {
            throw new IllegalArgumentException("maxThinkingTokens must not be negative, was " + tokens.getAsInt());
        }
        caller.call(ControlRequests.setMaxThinkingTokens(tokens));
        settings.maxThinkingTokens(tokens);
    }

    @Override
    public void setPermissionMode(PermissionMode mode) {
        Objects.requireNonNull(mode, "mode");
        caller.call(ControlRequests.setPermissionMode(mode));
        settings.permissionMode(mode);
    }

    @Override
    public List<McpServerStatus> mcpStatus() {
        return McpDecoder.status(caller.call(ControlRequests.mcpStatus()));
    }

    @Override
    public void mcpReconnect(String serverName) {
        caller.call(ControlRequests.mcpReconnect(requireText(serverName, "serverName")));
    }

    @Override
    public void mcpToggle(String serverName, boolean enabled) {
        caller.call(ControlRequests.mcpToggle(requireText(serverName, "serverName"), enabled));
    }

    @Override
    public McpSetServersResult setMcpServers(Map<String, ? extends McpServerConfig> servers) {
        Objects.requireNonNull(servers, "servers");
        sdkServers.accept(servers);
        servers.forEach((name, config) -> {
            requireText(name, "an MCP server name");
            Objects.requireNonNull(config, () -> "the MCP server " + name + " has no configuration");
        });
        return McpDecoder.setServersResult(caller.call(ControlRequests.mcpSetServers(servers)));
    }

    @Override
    public RewindResult rewindFiles(String userMessageId, boolean dryRun) {
        return ControlResponses.rewindResult(
                caller.call(ControlRequests.rewindFiles(requireText(userMessageId, "userMessageId"), dryRun)));
    }

    @Override
    public void stopTask(String taskId) {
        caller.call(ControlRequests.stopTask(requireText(taskId, "taskId")));
    }

    @Override
    public ContextUsage contextUsage() {
        return ContextUsageDecoder.decode(caller.call(ControlRequests.getContextUsage()));
    }

    @Override
    public void renameSession(String title) {
        caller.call(ControlRequests.renameSession(requireText(title, "title")));
    }

    @Override
    public EffectiveSettings effectiveSettings() {
        return ControlResponses.settings(caller.call(ControlRequests.getSettings()));
    }

    @Override
    public void applyFlagSettings(Map<String, ?> settings) {
        Objects.requireNonNull(settings, "settings");
        caller.call(ControlRequests.applyFlagSettings(settings));
    }

    @Override
    public BinaryVersion binaryVersion() {
        return ControlResponses.binaryVersion(caller.call(ControlRequests.getBinaryVersion()));
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo.get();
    }

    @Override
    public List<ModelInfo> supportedModels() {
        return serverInfo().models();
    }

    @Override
    public List<SlashCommand> supportedCommands() {
        return serverInfo().commands();
    }

    @Override
    public List<AgentInfo> supportedAgents() {
        return serverInfo().agents();
    }

    @Override
    public AccountInfo accountInfo() {
        return serverInfo().account();
    }

    @Override
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
