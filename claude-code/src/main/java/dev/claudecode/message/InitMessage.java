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

    /** Validates and copies the components. */
    public InitMessage {
        Objects.requireNonNull(cwd, "cwd");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(permissionMode, "permissionMode");
        Objects.requireNonNull(apiKeySource, "apiKeySource");
        Objects.requireNonNull(claudeCodeVersion, "claudeCodeVersion");
        Objects.requireNonNull(outputStyle, "outputStyle");
        tools = tools == null ? List.of() : List.copyOf(tools);
        mcpServers = mcpServers == null ? List.of() : List.copyOf(mcpServers);
        slashCommands = slashCommands == null ? List.of() : List.copyOf(slashCommands);
        agents = agents == null ? List.of() : List.copyOf(agents);
        skills = skills == null ? List.of() : List.copyOf(skills);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        fastModeState = fastModeState == null ? Optional.empty() : fastModeState;
        memoryPaths = memoryPaths == null ? Map.of() : Map.copyOf(memoryPaths);
        betas = betas == null ? List.of() : List.copyOf(betas);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
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
            version = version == null ? Optional.empty() : version;
        }
    }
}
