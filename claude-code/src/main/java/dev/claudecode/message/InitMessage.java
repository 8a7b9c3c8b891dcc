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
         * Builds the message.
         *
         * @return the message
         */
        public InitMessage build() {
            return new InitMessage(cwd, tools, mcpServers, model, permissionMode, slashCommands, apiKeySource, claudeCodeVersion,
                    outputStyle, agents, skills, plugins, fastModeState, memoryPaths, betas, capabilities, envelope);
        }
    }

    /**
     * An MCP server of the session and its connection status.
     *
     * @param name the server name
     * @param status {@code "connected"}, {@code "failed"}, {@code "pending"} or another status
     */
    public record McpServer(String name, String status) {

        /** Validates the components. */
        public McpServer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A plugin loaded into the session.
     *
     * @param name the plugin name
     * @param path the plugin's directory
     * @param version the version its manifest declares
     */
    public record Plugin(String name, String path, Optional<String> version) {

        /** Validates the components. */
        public Plugin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
        }
    }
}
