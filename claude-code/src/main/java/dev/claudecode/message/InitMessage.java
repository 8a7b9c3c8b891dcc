package dev.claudecode.message;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Session metadata ({@code system/init}), sent at the start of every turn, not once per process:
 * the model, working directory, tools, MCP servers, commands and agents in effect for that turn.
 *
 * @param cwd the session's working directory
 * @param tools the names of the tools the model may use; the built-in agent tool is listed as
 *     {@code Task} although the model calls it {@code Agent}
 * @param mcpServers the MCP servers and their connection status ({@code mcp_servers})
 * @param model the model in use, such as {@code "claude-opus-4-8[1m]"}
 * @param permissionMode the permission mode ({@code permissionMode}), such as {@code "default"}
 * @param slashCommands the names of the available slash commands and skills ({@code slash_commands})
 * @param apiKeySource where the API credential came from ({@code apiKeySource})
 * @param claudeCodeVersion the CLI's version ({@code claude_code_version})
 * @param outputStyle the output style ({@code output_style})
 * @param agents the names of the available subagents
 * @param skills the names of the available skills
 * @param plugins the loaded plugins
 * @param fastModeState the fast mode state ({@code fast_mode_state}): {@code "off"}, {@code "on"} or
 *     {@code "cooldown"}
 * @param memoryPaths the memory directories by kind ({@code memory_paths}), such as {@code auto}
 * @param betas the API betas enabled
 * @param capabilities protocol capabilities the CLI announces, for feature detection
 * @param terminalSlashCommands the slash commands bound to a terminal, such as {@code exit}, which
 *     a remote or phone interface should hide ({@code terminal_slash_commands})
 * @param pluginErrors the plugins that failed to load, or loaded without a part ({@code
 *     plugin_errors})
 * @param fastModeDisabledReason why fast mode is off ({@code fast_mode_disabled_reason}), such as
 *     {@code "sdk_opt_in_required"}
 * @param effort the effort level the next request sends ({@code effort}), such as {@code "high"};
 *     empty when it sends none
 * @param viewMode {@code "focus"} when the model is told the user sees only each turn's final
 *     message, else {@code "default"} ({@code view_mode})
 * @param additionalDirectories the directories the session may use besides its working directory
 *     ({@code additional_directories})
 * @param originalCwd the working directory the session started in ({@code original_cwd})
 * @param sandboxEnabled whether commands run in the sandbox ({@code sandbox_enabled})
 * @param userMessageUuids the uuids the caller gave the user messages this turn takes up ({@code
 *     user_message_uuids})
 * @param envelope the session id, uuid and JSON of the message
 */
public record InitMessage(
        String cwd,
        List<String> tools,
        List<McpServer> mcpServers,
        String model,
        String permissionMode,
        List<String> slashCommands,
        String apiKeySource,
        String claudeCodeVersion,
        String outputStyle,
        List<String> agents,
        List<String> skills,
        List<Plugin> plugins,
        Optional<String> fastModeState,
        Map<String, String> memoryPaths,
        List<String> betas,
        List<String> capabilities,
        List<String> terminalSlashCommands,
        List<PluginError> pluginErrors,
        Optional<String> fastModeDisabledReason,
        Optional<String> effort,
        Optional<String> viewMode,
        List<String> additionalDirectories,
        Optional<String> originalCwd,
        Optional<Boolean> sandboxEnabled,
        List<String> userMessageUuids,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "init";

    /**
     * Validates and copies the components. For the library's decoder: this constructor gains a
     * parameter whenever the CLI adds a field, so code that builds messages uses {@link #builder()}.
     */
    public InitMessage {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(permissionMode, "permissionMode");
        Objects.requireNonNull(apiKeySource, "apiKeySource");
        Objects.requireNonNull(claudeCodeVersion, "claudeCodeVersion");
        Objects.requireNonNull(outputStyle, "outputStyle");
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        mcpServers = List.copyOf(Objects.requireNonNull(mcpServers, "mcpServers"));
        slashCommands = List.copyOf(Objects.requireNonNull(slashCommands, "slashCommands"));
        agents = List.copyOf(Objects.requireNonNull(agents, "agents"));
        skills = List.copyOf(Objects.requireNonNull(skills, "skills"));
        plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins"));
        Objects.requireNonNull(fastModeState, "fastModeState");
        memoryPaths = Map.copyOf(Objects.requireNonNull(memoryPaths, "memoryPaths"));
        betas = List.copyOf(Objects.requireNonNull(betas, "betas"));
        capabilities = List.copyOf(Objects.requireNonNull(capabilities, "capabilities"));
        terminalSlashCommands = List.copyOf(Objects.requireNonNull(terminalSlashCommands, "terminalSlashCommands"));
        pluginErrors = List.copyOf(Objects.requireNonNull(pluginErrors, "pluginErrors"));
        Objects.requireNonNull(fastModeDisabledReason, "fastModeDisabledReason");
        Objects.requireNonNull(effort, "effort");
        Objects.requireNonNull(viewMode, "viewMode");
        additionalDirectories = List.copyOf(Objects.requireNonNull(additionalDirectories, "additionalDirectories"));
        Objects.requireNonNull(originalCwd, "originalCwd");
        Objects.requireNonNull(sandboxEnabled, "sandboxEnabled");
        userMessageUuids = List.copyOf(Objects.requireNonNull(userMessageUuids, "userMessageUuids"));
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }

    /**
     * A builder with every field empty.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from this message.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cwd = cwd;
        b.tools = tools;
        b.mcpServers = mcpServers;
        b.model = model;
        b.permissionMode = permissionMode;
        b.slashCommands = slashCommands;
        b.apiKeySource = apiKeySource;
        b.claudeCodeVersion = claudeCodeVersion;
        b.outputStyle = outputStyle;
        b.agents = agents;
        b.skills = skills;
        b.plugins = plugins;
        b.fastModeState = fastModeState;
        b.memoryPaths = memoryPaths;
        b.betas = betas;
        b.capabilities = capabilities;
        b.terminalSlashCommands = terminalSlashCommands;
        b.pluginErrors = pluginErrors;
        b.fastModeDisabledReason = fastModeDisabledReason;
        b.effort = effort;
        b.viewMode = viewMode;
        b.additionalDirectories = additionalDirectories;
        b.originalCwd = originalCwd;
        b.sandboxEnabled = sandboxEnabled;
        b.userMessageUuids = userMessageUuids;
        b.envelope = envelope;
        return b;
    }

    /** Builds {@link InitMessage}s, for example to feed code under test. */
    public static final class Builder extends MessageBuilder<Builder> {
        private String cwd = "";
        private List<String> tools = List.of();
        private List<McpServer> mcpServers = List.of();
        private String model = "";
        private String permissionMode = "";
        private List<String> slashCommands = List.of();
        private String apiKeySource = "";
        private String claudeCodeVersion = "";
        private String outputStyle = "";
        private List<String> agents = List.of();
        private List<String> skills = List.of();
        private List<Plugin> plugins = List.of();
        private Optional<String> fastModeState = Optional.empty();
        private Map<String, String> memoryPaths = Map.of();
        private List<String> betas = List.of();
        private List<String> capabilities = List.of();
        private List<String> terminalSlashCommands = List.of();
        private List<PluginError> pluginErrors = List.of();
        private Optional<String> fastModeDisabledReason = Optional.empty();
        private Optional<String> effort = Optional.empty();
        private Optional<String> viewMode = Optional.empty();
        private List<String> additionalDirectories = List.of();
        private Optional<String> originalCwd = Optional.empty();
        private Optional<Boolean> sandboxEnabled = Optional.empty();
        private List<String> userMessageUuids = List.of();

        private Builder() {
        }

        /**
         * Sets the session's working directory.
         *
         * @param cwd the session's working directory
         * @return this builder
         */
        public Builder cwd(String cwd) {
            this.cwd = Objects.requireNonNull(cwd, "cwd");
            return this;
        }

        /**
         * Sets the names of the tools the model may use.
         *
         * @param tools the names of the tools the model may use
         * @return this builder
         */
        public Builder tools(List<String> tools) {
            this.tools = List.copyOf(tools);
            return this;
        }

        /**
         * Sets the MCP servers and their connection status.
         *
         * @param mcpServers the MCP servers and their connection status
         * @return this builder
         */
        public Builder mcpServers(List<McpServer> mcpServers) {
            this.mcpServers = List.copyOf(mcpServers);
            return this;
        }

        /**
         * Sets the model in use.
         *
         * @param model the model in use
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the permission mode.
         *
         * @param permissionMode the permission mode
         * @return this builder
         */
        public Builder permissionMode(String permissionMode) {
            this.permissionMode = Objects.requireNonNull(permissionMode, "permissionMode");
            return this;
        }

        /**
         * Sets the names of the available slash commands and skills.
         *
         * @param slashCommands the names of the available slash commands and skills
         * @return this builder
         */
        public Builder slashCommands(List<String> slashCommands) {
            this.slashCommands = List.copyOf(slashCommands);
            return this;
        }

        /**
         * Sets where the API credential came from.
         *
         * @param apiKeySource where the API credential came from
         * @return this builder
         */
        public Builder apiKeySource(String apiKeySource) {
            this.apiKeySource = Objects.requireNonNull(apiKeySource, "apiKeySource");
            return this;
        }

        /**
         * Sets the CLI's version.
         *
         * @param claudeCodeVersion the CLI's version
         * @return this builder
         */
        public Builder claudeCodeVersion(String claudeCodeVersion) {
            this.claudeCodeVersion = Objects.requireNonNull(claudeCodeVersion, "claudeCodeVersion");
            return this;
        }

        /**
         * Sets the output style.
         *
         * @param outputStyle the output style
         * @return this builder
         */
        public Builder outputStyle(String outputStyle) {
            this.outputStyle = Objects.requireNonNull(outputStyle, "outputStyle");
            return this;
        }

        /**
         * Sets the names of the available subagents.
         *
         * @param agents the names of the available subagents
         * @return this builder
         */
        public Builder agents(List<String> agents) {
            this.agents = List.copyOf(agents);
            return this;
        }

        /**
         * Sets the names of the available skills.
         *
         * @param skills the names of the available skills
         * @return this builder
         */
        public Builder skills(List<String> skills) {
            this.skills = List.copyOf(skills);
            return this;
        }

        /**
         * Sets the loaded plugins.
         *
         * @param plugins the loaded plugins
         * @return this builder
         */
        public Builder plugins(List<Plugin> plugins) {
            this.plugins = List.copyOf(plugins);
            return this;
        }

        /**
         * Sets the fast mode state.
         *
         * @param fastModeState the fast mode state; null for none
         * @return this builder
         */
        public Builder fastModeState(String fastModeState) {
            this.fastModeState = Optional.ofNullable(fastModeState);
            return this;
        }

        /**
         * Sets the memory directories by kind.
         *
         * @param memoryPaths the memory directories by kind
         * @return this builder
         */
        public Builder memoryPaths(Map<String, String> memoryPaths) {
            this.memoryPaths = Map.copyOf(memoryPaths);
            return this;
        }

        /**
         * Sets the API betas enabled.
         *
         * @param betas the API betas enabled
         * @return this builder
         */
        public Builder betas(List<String> betas) {
            this.betas = List.copyOf(betas);
            return this;
        }

        /**
         * Sets the protocol capabilities the CLI announces.
         *
         * @param capabilities the protocol capabilities the CLI announces
         * @return this builder
         */
        public Builder capabilities(List<String> capabilities) {
            this.capabilities = List.copyOf(capabilities);
            return this;
        }

        /**
         * Sets the slash commands bound to a terminal.
         *
         * @param terminalSlashCommands the slash commands bound to a terminal
         * @return this builder
         */
        public Builder terminalSlashCommands(List<String> terminalSlashCommands) {
            this.terminalSlashCommands = List.copyOf(terminalSlashCommands);
            return this;
        }

        /**
         * Sets the plugin load errors.
         *
         * @param pluginErrors the plugin load errors
         * @return this builder
         */
        public Builder pluginErrors(List<PluginError> pluginErrors) {
            this.pluginErrors = List.copyOf(pluginErrors);
            return this;
        }

        /**
         * Sets why fast mode is off.
         *
         * @param fastModeDisabledReason why fast mode is off; null for none
         * @return this builder
         */
        public Builder fastModeDisabledReason(String fastModeDisabledReason) {
            this.fastModeDisabledReason = Optional.ofNullable(fastModeDisabledReason);
            return this;
        }

        /**
         * Sets the effort level of the next request.
         *
         * @param effort the effort level of the next request; null for none
         * @return this builder
         */
        public Builder effort(String effort) {
            this.effort = Optional.ofNullable(effort);
            return this;
        }

        /**
         * Sets the view mode.
         *
         * @param viewMode the view mode; null for none
         * @return this builder
         */
        public Builder viewMode(String viewMode) {
            this.viewMode = Optional.ofNullable(viewMode);
            return this;
        }

        /**
         * Sets the additional directories.
         *
         * @param additionalDirectories the additional directories
         * @return this builder
         */
        public Builder additionalDirectories(List<String> additionalDirectories) {
            this.additionalDirectories = List.copyOf(additionalDirectories);
            return this;
        }

        /**
         * Sets the working directory the session started in.
         *
         * @param originalCwd the working directory the session started in; null for none
         * @return this builder
         */
        public Builder originalCwd(String originalCwd) {
            this.originalCwd = Optional.ofNullable(originalCwd);
            return this;
        }

        /**
         * Sets whether commands run in the sandbox.
         *
         * @param sandboxEnabled whether commands run in the sandbox; null for none
         * @return this builder
         */
        public Builder sandboxEnabled(Boolean sandboxEnabled) {
            this.sandboxEnabled = Optional.ofNullable(sandboxEnabled);
            return this;
        }

        /**
         * Sets the uuids of the user messages the turn takes up.
         *
         * @param userMessageUuids the uuids of the user messages the turn takes up
         * @return this builder
         */
        public Builder userMessageUuids(List<String> userMessageUuids) {
            this.userMessageUuids = List.copyOf(userMessageUuids);
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         */
        public InitMessage build() {
            return new InitMessage(cwd, tools, mcpServers, model, permissionMode, slashCommands, apiKeySource,
                    claudeCodeVersion, outputStyle, agents, skills, plugins, fastModeState, memoryPaths, betas,
                    capabilities, terminalSlashCommands, pluginErrors, fastModeDisabledReason, effort, viewMode,
                    additionalDirectories, originalCwd, sandboxEnabled, userMessageUuids, envelope);
        }
    }

    /**
     * An MCP server of the session and its connection status.
     *
     * @param name the server name
     * @param status {@code "connected"}, {@code "failed"}, {@code "pending"} or another status
     * @param source where the server's definition came from ({@code source}): {@code "sdk"}, {@code
     *     "plugin"} or a configuration scope such as {@code "project"}; empty from CLIs that do not say
     */
    public record McpServer(String name, String status, Optional<String> source) {

        /** Validates the components. */
        public McpServer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(source, "source");
        }

        /**
         * A server without a stated source.
         *
         * @param name the server name
         * @param status its connection status
         */
        public McpServer(String name, String status) {
            this(name, status, Optional.empty());
        }
    }

    /**
     * A plugin loaded into the session.
     *
     * @param name the plugin name
     * @param path the plugin's directory
     * @param version the version its manifest declares
     * @param source where it comes from ({@code source}), such as {@code "<name>@builtin"} for the
     *     plugins built into the CLI
     */
    public record Plugin(String name, String path, Optional<String> version, Optional<String> source) {

        /** Validates the components. */
        public Plugin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(source, "source");
        }

        /**
         * A plugin without a stated source.
         *
         * @param name the plugin name
         * @param path the plugin's directory
         * @param version the version its manifest declares
         */
        public Plugin(String name, String path, Optional<String> version) {
            this(name, path, version, Optional.empty());
        }
    }

    /**
     * A plugin that did not load, or loaded without one of its parts ({@code plugin_errors}).
     *
     * @param plugin the plugin
     * @param type the kind of error
     * @param message what went wrong
     * @param path the directory or archive given for a plugin that did not load at all
     */
    public record PluginError(String plugin, String type, String message, Optional<String> path) {

        /** Validates the components. */
        public PluginError {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(path, "path");
        }
    }
}
