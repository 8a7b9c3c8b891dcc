package dev.claudecode.spring;

import dev.claudecode.mcp.McpServerConfig;
import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.store.SessionStore;
import java.util.List;
import java.util.Optional;

/**
 * Builds the application's session options: the properties first, then what beans contribute
 * (the permission callback, hooks, in-process MCP servers and tools, observers, the session
 * store), then the customizers.
 *
 * @param properties the {@code claude-code.*} properties
 * @param canUseTool the permission callback bean, if any
 * @param hooks the hook beans
 * @param servers the in-process MCP server beans, served under their own names
 * @param tools the MCP tool beans, served together under {@code claude-code.mcp.server-name}
 * @param observers the observer beans (metrics and tracing among them)
 * @param sessionStore the session store bean, if any
 * @param customizers the customizer beans, in order
 */
record OptionsAssembly(
        ClaudeCodeProperties properties,
        Optional<CanUseTool> canUseTool,
        List<ClaudeCodeHook> hooks,
        List<SdkMcpServer> servers,
        List<SdkMcpTool> tools,
        List<SessionObserver> observers,
        Optional<SessionStore> sessionStore,
        List<ClaudeCodeOptionsCustomizer> customizers) {

    /** @return the options */
    ClaudeCodeOptions build() {
        ClaudeCodeOptions.Builder options = ClaudeCodeOptions.builder();
        PropertiesOptions.apply(properties, options);
        canUseTool.ifPresent(options::canUseTool);
        hooks.forEach(hook -> options.hook(hook.event(), hook.matcher()));
        servers.forEach(server -> options.mcpServer(server.name(), McpServerConfig.sdk(server)));
        if (!tools.isEmpty()) {
            SdkMcpServer.Builder server = SdkMcpServer.builder(properties.getMcp().getServerName());
            tools.forEach(server::tool);
            options.mcpServer(properties.getMcp().getServerName(), McpServerConfig.sdk(server.build()));
        }
        observers.forEach(options::observer);
        sessionStore.ifPresent(options::sessionStore);
        customizers.forEach(customizer -> customizer.customize(options));
        return options.build();
    }
}
