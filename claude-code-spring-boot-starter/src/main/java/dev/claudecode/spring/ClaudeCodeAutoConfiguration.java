package dev.claudecode.spring;

import dev.claudecode.mcp.SdkMcpServer;
import dev.claudecode.mcp.SdkMcpTool;
import dev.claudecode.observe.SessionObserver;
import dev.claudecode.options.ClaudeCodeOptions;
import dev.claudecode.permission.CanUseTool;
import dev.claudecode.store.SessionStore;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of Claude Code sessions: the {@link ClaudeCodeOptions} assembled from the
 * {@code claude-code.*} properties and the application's beans, and the {@link ClaudeCodeSessions}
 * factory. Both back off when the application defines its own.
 */
@AutoConfiguration
@EnableConfigurationProperties(ClaudeCodeProperties.class)
public class ClaudeCodeAutoConfiguration {

    /** Creates the auto-configuration. */
    public ClaudeCodeAutoConfiguration() {
    }

    /**
     * The options of the application's sessions.
     *
     * @param properties the {@code claude-code.*} properties
     * @param canUseTool the permission callback bean, if any
     * @param hooks the {@link ClaudeCodeHook} beans
     * @param servers the in-process MCP server beans
     * @param tools the MCP tool beans, served by one server named {@code claude-code.mcp.server-name}
     * @param observers the observer beans, such as the metrics and tracing ones
     * @param sessionStore the session store bean, if any
     * @param customizers the customizer beans
     * @return the options
     */
    @Bean
    @ConditionalOnMissingBean
    public ClaudeCodeOptions claudeCodeOptions(ClaudeCodeProperties properties, ObjectProvider<CanUseTool> canUseTool,
            ObjectProvider<ClaudeCodeHook> hooks, ObjectProvider<SdkMcpServer> servers, ObjectProvider<SdkMcpTool> tools,
            ObjectProvider<SessionObserver> observers, ObjectProvider<SessionStore> sessionStore,
            ObjectProvider<ClaudeCodeOptionsCustomizer> customizers) {
        return new OptionsAssembly(properties, Optional.ofNullable(canUseTool.getIfAvailable()),
                hooks.orderedStream().toList(), servers.orderedStream().toList(), tools.orderedStream().toList(),
                observers.orderedStream().toList(), Optional.ofNullable(sessionStore.getIfAvailable()),
                customizers.orderedStream().toList()).build();
    }

    /**
     * The factory of the application's sessions.
     *
     * @param options their options
     * @return the factory
     */
    @Bean
    @ConditionalOnMissingBean
    public ClaudeCodeSessions claudeCodeSessions(ClaudeCodeOptions options) {
        return new ClaudeCodeSessions(options);
    }
}
