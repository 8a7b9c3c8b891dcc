/**
 * Spring Boot auto-configuration for Claude Code sessions.
 *
 * <ul>
 *   <li>{@link dev.claudecode.spring.ClaudeCodeProperties}: the {@code claude-code.*} properties,
 *       with configuration metadata for IDE completion.</li>
 *   <li>{@link dev.claudecode.spring.ClaudeCodeSessions}: the factory bean that starts sessions with
 *       the options assembled from the properties and the application's beans: a {@code CanUseTool}
 *       bean, {@link dev.claudecode.spring.ClaudeCodeHook} beans, {@code SdkMcpServer} beans, {@code
 *       SdkMcpTool} beans (served together as {@code claude-code.mcp.server-name}), {@code
 *       SessionObserver} beans, a {@code SessionStore} bean, and {@link
 *       dev.claudecode.spring.ClaudeCodeOptionsCustomizer}s.</li>
 *   <li>A {@code JdbcSessionStore} from the application's {@code DataSource} when {@code
 *       claude-code-store-jdbc} is present ({@link dev.claudecode.spring.ClaudeCodeJdbcStoreAutoConfiguration}).</li>
 *   <li>The {@code claudeCode} health indicator ({@link dev.claudecode.spring.ClaudeCodeHealthIndicator}).</li>
 *   <li>Metrics ({@code claude-code-micrometer} with a {@code MeterRegistry}) and traces ({@code
 *       claude-code-opentelemetry} with an {@code OpenTelemetry} bean), registered as session
 *       observers.</li>
 * </ul>
 */
package dev.claudecode.spring;
