package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import dev.claudecode.mcp.McpServerStatus;
import dev.claudecode.message.SlashCommand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The session's commands, agents, plugins and MCP servers after a plugin reload: the answer to
 * {@link SessionControl#reloadPlugins(ReloadPlugins)} ({@code reload_plugins}).
 *
 * @param commands the slash commands and skills ({@code commands})
 * @param agents the subagents ({@code agents})
 * @param plugins the loaded plugins ({@code plugins})
 * @param mcpServers the MCP servers with their status ({@code mcpServers})
 * @param errorCount how many plugin errors the reload met ({@code error_count})
 * @param held when the request asked to hold on cache impact: whether the reload was held, not
 *     applied ({@code held}, CLI 2.1.332); the lists then describe the session as it still is
 * @param cacheImpact what applying a held reload would change ({@code cache_impact}), with {@code held}
 * @param raw the whole answer as plain JSON
 */
public record PluginsReload(List<SlashCommand> commands, List<AgentInfo> agents, List<Plugin> plugins,
        List<McpServerStatus> mcpServers, long errorCount, Optional<Boolean> held, Optional<CacheImpact> cacheImpact,
        Map<String, Object> raw) {

    /** Validates and copies the components. */
    public PluginsReload {
        commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
        agents = List.copyOf(Objects.requireNonNull(agents, "agents"));
        plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins"));
        mcpServers = List.copyOf(Objects.requireNonNull(mcpServers, "mcpServers"));
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(cacheImpact, "cacheImpact");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * A loaded plugin.
     *
     * @param name its name ({@code name})
     * @param path its directory, or {@code builtin} ({@code path})
     * @param source where it comes from, e.g. {@code name@inline} ({@code source})
     * @param version the version its manifest declares, unverified ({@code version})
     */
    public record Plugin(String name, String path, Optional<String> source, Optional<String> version) {

        /** Validates the components. */
        public Plugin {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * What a held reload would change in the session's tool list.
     *
     * @param mcpServersAdded plugin MCP servers it would add ({@code mcp_servers_added})
     * @param mcpServersRemoved plugin MCP servers it would remove ({@code mcp_servers_removed})
     * @param lspToolChange whether it would add or remove the LSP tool: {@code adds}, {@code may-add},
     *     {@code removes} or {@code may-remove} ({@code lsp_tool_change})
     */
    public record CacheImpact(List<String> mcpServersAdded, List<String> mcpServersRemoved, Optional<String> lspToolChange) {

        /** Validates and copies the components. */
        public CacheImpact {
            mcpServersAdded = List.copyOf(Objects.requireNonNull(mcpServersAdded, "mcpServersAdded"));
            mcpServersRemoved = List.copyOf(Objects.requireNonNull(mcpServersRemoved, "mcpServersRemoved"));
            Objects.requireNonNull(lspToolChange, "lspToolChange");
        }
    }
}
