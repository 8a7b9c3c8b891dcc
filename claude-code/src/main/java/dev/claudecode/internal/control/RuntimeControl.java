package dev.claudecode.internal.control;

import dev.claudecode.control.AccountInfo;
import dev.claudecode.control.FileContents;
import dev.claudecode.control.FileSuggestions;
import dev.claudecode.control.HooksListing;
import dev.claudecode.control.McpCall;
import dev.claudecode.control.McpCallResult;
import dev.claudecode.control.McpResourceContents;
import dev.claudecode.control.PermissionRules;
import dev.claudecode.control.PluginsReload;
import dev.claudecode.control.ReloadPlugins;
import dev.claudecode.control.SettingsFile;
import dev.claudecode.control.TaskOutput;
import dev.claudecode.control.UsageReport;
import dev.claudecode.internal.protocol.Fields;
import dev.claudecode.options.ThinkingDisplay;
import java.nio.file.Path;
import java.time.Instant;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

    /** The session's in-process MCP servers, as the controls change them. */
    public interface SdkServers {

        /**
         * Takes the servers given while the session runs, before the CLI is told about them:
         * serves the in-process ones, so that the CLI can reach them at once, and masks the
         * secrets ({@code env}, {@code headers}) of the others in what the CLI reports.
         *
         * @param servers MCP servers by name, of every kind
         */
        void register(Map<String, ? extends McpServerConfig> servers);

        /**
         * Switches an in-process server on or off: while it is off, the session refuses the
         * calls the CLI sends it (tools, resources, prompts), whatever the CLI does.
         *
         * @param name the server's name; other servers' names are ignored
         * @param enabled whether it is on
         * @return whether it was on before
         */
        boolean switched(String name, boolean enabled);

        /**
         * @param window how far back
         * @return the in-process servers whose MCP handshake with the CLI ended within the
         *     window; the CLI lists a server only a moment after its handshake
         */
        Set<String> connectedWithin(Duration window);
    }

    /** How long after its handshake an in-process server may still be missing from {@code mcp_status}. */
    static final Duration LISTING_LAG = Duration.ofSeconds(5);
    private static final Duration LISTING_POLL = Duration.ofMillis(25);

    private final Caller caller;
    private final Supplier<ServerInfo> serverInfo;
    private final RuntimeSettings settings;
    private final Optional<String> startModel;
    private final SdkServers sdkServers;

    /**
     * Creates the controls of one session.
     *
     * @param caller sends requests to the session's CLI
     * @param serverInfo the current CLI's answer to {@code initialize}
     * @param settings records the changes a new CLI gets again
     * @param startModel the model the session started with, which {@link #resetModel()} goes back to
     * @param sdkServers the session's in-process servers: those given to {@link #setMcpServers} are
     *     registered there, and {@link #mcpToggle} switches them on and off there too
     */
    public RuntimeControl(Caller caller, Supplier<ServerInfo> serverInfo, RuntimeSettings settings,
            Optional<String> startModel, SdkServers sdkServers) {
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
    public void setThinkingDisplay(ThinkingDisplay display) {
        Objects.requireNonNull(display, "display");
        caller.call(ControlRequests.setThinkingDisplay(Optional.of(display)));
        settings.thinkingDisplay(Optional.of(display));
    }

    @Override
    public void clearThinkingDisplay() {
        caller.call(ControlRequests.setThinkingDisplay(Optional.empty()));
        settings.thinkingDisplay(Optional.empty());
    }

    @Override
    public Optional<PermissionMode> setPermissionMode(PermissionMode mode) {
        Objects.requireNonNull(mode, "mode");
        Optional<PermissionMode> inEffect = ControlResponses.permissionMode(caller.call(ControlRequests.setPermissionMode(mode)));
        // a new CLI gets the mode that was in effect, which can differ from the one asked for
        settings.permissionMode(inEffect.orElse(mode));
        return inEffect;
    }

    @Override
    public Optional<String> setMcpPermissionModeOverride(String serverName, Optional<PermissionMode> mode) {
        requireText(serverName, "serverName");
        Objects.requireNonNull(mode, "mode").ifPresent(value -> {
            if (!value.equals(PermissionMode.DEFAULT) && !value.equals(PermissionMode.AUTO)) {
                throw new IllegalArgumentException("an MCP server's permission mode override is default or auto, was " + value);
            }
        });
        return ControlResponses.warning(caller.call(ControlRequests.setMcpPermissionModeOverride(serverName, mode)));
    }

    @Override
    public PermissionRules permissionRules() {
        return ReportDecoder.permissionRules(caller.call(ControlRequests.listPermissionRules()));
    }

    /**
     * Asks the CLI for its MCP servers. An in-process server the CLI has just connected is listed
     * by it only a moment later: while such a server is missing, the CLI is asked again, for at
     * most {@link #LISTING_LAG} after its handshake, so that a status asked right after the session
     * started lists every server that is connected.
     */
    @Override
    public List<McpServerStatus> mcpStatus() {
        List<McpServerStatus> status = McpDecoder.status(caller.call(ControlRequests.mcpStatus()));
        long deadline = System.nanoTime() + LISTING_LAG.toNanos();
        while (!lists(status, sdkServers.connectedWithin(LISTING_LAG)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(LISTING_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = McpDecoder.status(caller.call(ControlRequests.mcpStatus()));
        }
        return status;
    }

    private static boolean lists(List<McpServerStatus> status, Set<String> names) {
        return status.stream().map(McpServerStatus::name).collect(Collectors.toSet()).containsAll(names);
    }

    @Override
    public void mcpReconnect(String serverName) {
        caller.call(ControlRequests.mcpReconnect(requireText(serverName, "serverName")));
    }

    @Override
    public void mcpToggle(String serverName, boolean enabled) {
        requireText(serverName, "serverName");
        // off here first: no call slips through between the CLI's switch and the session's
        boolean wasOn = enabled || sdkServers.switched(serverName, false);
        try {
            caller.call(ControlRequests.mcpToggle(serverName, enabled));
        } catch (RuntimeException e) {
            if (!enabled) {
                sdkServers.switched(serverName, wasOn);
            }
            throw e;
        }
        if (enabled) {
            sdkServers.switched(serverName, true);
        }
    }

    @Override
    public McpResourceContents readMcpResource(String serverName, String uri) {
        requireText(serverName, "serverName");
        if (!requireText(uri, "uri").startsWith("ui://")) {
            throw new IllegalArgumentException("mcp_read_resource reads ui:// resources only, was '" + uri + "'");
        }
        return ControlResponses.resourceContents(caller.call(ControlRequests.mcpReadResource(serverName, uri)));
    }

    @Override
    public McpCallResult mcpCall(McpCall call) {
        Objects.requireNonNull(call, "call");
        return ControlResponses.mcpCallResult(caller.call(ControlRequests.mcpCall(call)));
    }

    @Override
    public McpSetServersResult setMcpServers(Map<String, ? extends McpServerConfig> servers) {
        Objects.requireNonNull(servers, "servers");
        sdkServers.register(servers);
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
    public FileContents readFile(String path) {
        return readFile(path, OptionalInt.empty(), FileContents.Encoding.UTF_8);
    }

    @Override
    public FileContents readFile(String path, OptionalInt maxBytes, FileContents.Encoding encoding) {
        requireText(path, "path");
        Objects.requireNonNull(maxBytes, "maxBytes");
        Objects.requireNonNull(encoding, "encoding");
        if (maxBytes.isPresent() && maxBytes.getAsInt() <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes.getAsInt());
        }
        return ControlResponses.fileContents(caller.call(ControlRequests.readFile(path, maxBytes, encoding)));
    }

    @Override
    public void seedReadState(String path, Instant modified) {
        requireText(path, "path");
        Objects.requireNonNull(modified, "modified");
        caller.call(ControlRequests.seedReadState(path, modified.toEpochMilli()));
    }

    @Override
    public FileSuggestions fileSuggestions(String query) {
        Objects.requireNonNull(query, "query");
        return ControlResponses.fileSuggestions(caller.call(ControlRequests.fileSuggestions(query)));
    }

    @Override
    public String registerRepoRoot(Path directory, boolean reloadClaudeMd, boolean reloadPlugins, boolean reloadSkills) {
        Objects.requireNonNull(directory, "directory");
        return ControlResponses.directory(caller.call(
                ControlRequests.registerRepoRoot(directory.toString(), reloadClaudeMd, reloadPlugins, reloadSkills)));
    }

    @Override
    public boolean cancelAsyncMessage(String messageUuid) {
        return ControlResponses.cancelled(caller.call(ControlRequests.cancelAsyncMessage(requireText(messageUuid, "messageUuid"))));
    }

    @Override
    public void backgroundTasks() {
        caller.call(ControlRequests.backgroundTasks(Optional.empty()));
    }

    @Override
    public void backgroundTask(String toolUseId) {
        caller.call(ControlRequests.backgroundTasks(Optional.of(requireText(toolUseId, "toolUseId"))));
    }

    @Override
    public TaskOutput taskOutput(String taskId) {
        return ControlResponses.taskOutput(caller.call(ControlRequests.getTaskOutput(requireText(taskId, "taskId"))));
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
    public ContextUsage contextUsage(ContextUsage.Detail detail) {
        Objects.requireNonNull(detail, "detail");
        return ContextUsageDecoder.decode(caller.call(ControlRequests.getContextUsage(detail)));
    }

    @Override
    public UsageReport usage() {
        return usage(false);
    }

    @Override
    public UsageReport usage(boolean skipBehaviors) {
        return ReportDecoder.usage(caller.call(ControlRequests.getUsage(skipBehaviors)));
    }

    @Override
    public String sessionCost() {
        return ControlResponses.sessionCost(caller.call(ControlRequests.getSessionCost()));
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
    public void updateSettings(SettingsFile file, Map<String, ?> values) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(values, "settings");
        caller.call(ControlRequests.updateSettings(file, values));
    }

    @Override
    public PluginsReload reloadPlugins() {
        return reloadPlugins(ReloadPlugins.defaults());
    }

    @Override
    public PluginsReload reloadPlugins(ReloadPlugins reload) {
        Objects.requireNonNull(reload, "reload");
        return ReportDecoder.pluginsReload(caller.call(ControlRequests.reloadPlugins(reload)));
    }

    @Override
    public List<SlashCommand> reloadSkills() {
        return ReportDecoder.skills(caller.call(ControlRequests.reloadSkills()));
    }

    @Override
    public List<String> reloadOutputStyles() {
        return ControlResponses.outputStyles(caller.call(ControlRequests.reloadOutputStyles()));
    }

    @Override
    public HooksListing hooksListing() {
        return ReportDecoder.hooksListing(caller.call(ControlRequests.getHooksListing()));
    }

    @Override
    public void setColor(String color) {
        caller.call(ControlRequests.setColor(requireText(color, "color")));
    }

    @Override
    public void setHasSubscribers(Optional<Boolean> hasSubscribers) {
        caller.call(ControlRequests.setHasSubscribers(Objects.requireNonNull(hasSubscribers, "hasSubscribers")));
    }

    @Override
    public List<ModelInfo> listModels() {
        return Fields.objects(caller.call(ControlRequests.listModels()), "models", ServerInfoDecoder::model);
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
