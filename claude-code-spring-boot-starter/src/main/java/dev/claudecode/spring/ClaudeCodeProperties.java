package dev.claudecode.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code claude-code.*} configuration properties: the session options an application sets in
 * {@code application.properties} or {@code application.yaml}. Unset values leave the library's
 * defaults (and the CLI's) in force. Options that take Java code (callbacks, hooks, MCP tools,
 * observers, a session store) come from beans; anything else from a {@link
 * ClaudeCodeOptionsCustomizer} bean.
 */
@ConfigurationProperties(prefix = "claude-code")
public class ClaudeCodeProperties {

    /** The Claude Code CLI executable; when unset the library finds one or installs the pinned version. */
    private Path cliPath;

    /** The working directory of the CLI; when unset, the application's. */
    private Path cwd;

    /** The model alias or full name, such as sonnet. */
    private String model;

    /** Models used when the main one is overloaded, comma-separated. */
    private String fallbackModel;

    /** The permission mode: default, acceptEdits, plan, dontAsk, bypassPermissions, auto. */
    private String permissionMode;

    /** Tools the model may use without being asked, such as Read or Bash(git status:*). */
    private List<String> allowedTools = new ArrayList<>();

    /** Tools the model may never use. */
    private List<String> disallowedTools = new ArrayList<>();

    /** The most agentic turns per user message. */
    private Integer maxTurns;

    /** The most US dollars a session may spend on API calls. */
    private Double maxBudgetUsd;

    /** A system prompt that replaces the default one. */
    private String systemPrompt;

    /** Text appended to the default system prompt. */
    private String appendSystemPrompt;

    /** Variables added to the CLI's environment. */
    private Map<String, String> env = new LinkedHashMap<>();

    /** The Anthropic API key, given to the CLI in its environment only; when unset the CLI's own configuration applies. */
    private String apiKey;

    /** How long a control request waits for the CLI's answer. */
    private Duration controlTimeout;

    /** How long the CLI may write nothing during a turn before the turn fails; off when unset. */
    private Duration inactivityTimeout;

    /** How long the permission callback may take. */
    private Duration permissionCallbackTimeout;

    /** How long a hook callback may take when its matcher sets no timeout. */
    private Duration hookTimeout;

    /** How long an in-process MCP tool may take. */
    private Duration mcpToolTimeout;

    /** Whether turns stream partial messages (stream_event) with text deltas. */
    private boolean includePartialMessages;

    /** The in-process MCP server that SdkMcpTool beans are served by. */
    private final Mcp mcp = new Mcp();

    /** The session store. */
    private final SessionStore sessionStore = new SessionStore();

    /** Traces of sessions, when OpenTelemetry and claude-code-opentelemetry are present. */
    private final Tracing tracing = new Tracing();

    /** @return the CLI executable */
    public Path getCliPath() {
        return cliPath;
    }

    /** @param cliPath the CLI executable */
    public void setCliPath(Path cliPath) {
        this.cliPath = cliPath;
    }

    /** @return the working directory */
    public Path getCwd() {
        return cwd;
    }

    /** @param cwd the working directory */
    public void setCwd(Path cwd) {
        this.cwd = cwd;
    }

    /** @return the model */
    public String getModel() {
        return model;
    }

    /** @param model the model */
    public void setModel(String model) {
        this.model = model;
    }

    /** @return the fallback models */
    public String getFallbackModel() {
        return fallbackModel;
    }

    /** @param fallbackModel the fallback models */
    public void setFallbackModel(String fallbackModel) {
        this.fallbackModel = fallbackModel;
    }

    /** @return the permission mode */
    public String getPermissionMode() {
        return permissionMode;
    }

    /** @param permissionMode the permission mode */
    public void setPermissionMode(String permissionMode) {
        this.permissionMode = permissionMode;
    }

    /** @return the allowed tools */
    public List<String> getAllowedTools() {
        return allowedTools;
    }

    /** @param allowedTools the allowed tools */
    public void setAllowedTools(List<String> allowedTools) {
        this.allowedTools = allowedTools;
    }

    /** @return the disallowed tools */
    public List<String> getDisallowedTools() {
        return disallowedTools;
    }

    /** @param disallowedTools the disallowed tools */
    public void setDisallowedTools(List<String> disallowedTools) {
        this.disallowedTools = disallowedTools;
    }

    /** @return the most agentic turns per user message */
    public Integer getMaxTurns() {
        return maxTurns;
    }

    /** @param maxTurns the most agentic turns per user message */
    public void setMaxTurns(Integer maxTurns) {
        this.maxTurns = maxTurns;
    }

    /** @return the budget in US dollars */
    public Double getMaxBudgetUsd() {
        return maxBudgetUsd;
    }

    /** @param maxBudgetUsd the budget in US dollars */
    public void setMaxBudgetUsd(Double maxBudgetUsd) {
        this.maxBudgetUsd = maxBudgetUsd;
    }

    /** @return the system prompt */
    public String getSystemPrompt() {
        return systemPrompt;
    }

    /** @param systemPrompt the system prompt */
    public void setSystemPrompt(String systemPrompt) {
        this.systemPrompt = systemPrompt;
    }

    /** @return the text appended to the system prompt */
    public String getAppendSystemPrompt() {
        return appendSystemPrompt;
    }

    /** @param appendSystemPrompt the text appended to the system prompt */
    public void setAppendSystemPrompt(String appendSystemPrompt) {
        this.appendSystemPrompt = appendSystemPrompt;
    }

    /** @return the variables added to the CLI's environment */
    public Map<String, String> getEnv() {
        return env;
    }

    /** @param env the variables added to the CLI's environment */
    public void setEnv(Map<String, String> env) {
        this.env = env;
    }

    /** @return the API key */
    public String getApiKey() {
        return apiKey;
    }

    /** @param apiKey the API key */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /** @return the control timeout */
    public Duration getControlTimeout() {
        return controlTimeout;
    }

    /** @param controlTimeout the control timeout */
    public void setControlTimeout(Duration controlTimeout) {
        this.controlTimeout = controlTimeout;
    }

    /** @return the inactivity timeout */
    public Duration getInactivityTimeout() {
        return inactivityTimeout;
    }

    /** @param inactivityTimeout the inactivity timeout */
    public void setInactivityTimeout(Duration inactivityTimeout) {
        this.inactivityTimeout = inactivityTimeout;
    }

    /** @return the permission callback timeout */
    public Duration getPermissionCallbackTimeout() {
        return permissionCallbackTimeout;
    }

    /** @param permissionCallbackTimeout the permission callback timeout */
    public void setPermissionCallbackTimeout(Duration permissionCallbackTimeout) {
        this.permissionCallbackTimeout = permissionCallbackTimeout;
    }

    /** @return the hook timeout */
    public Duration getHookTimeout() {
        return hookTimeout;
    }

    /** @param hookTimeout the hook timeout */
    public void setHookTimeout(Duration hookTimeout) {
        this.hookTimeout = hookTimeout;
    }

    /** @return the MCP tool timeout */
    public Duration getMcpToolTimeout() {
        return mcpToolTimeout;
    }

    /** @param mcpToolTimeout the MCP tool timeout */
    public void setMcpToolTimeout(Duration mcpToolTimeout) {
        this.mcpToolTimeout = mcpToolTimeout;
    }

    /** @return whether turns stream partial messages */
    public boolean isIncludePartialMessages() {
        return includePartialMessages;
    }

    /** @param includePartialMessages whether turns stream partial messages */
    public void setIncludePartialMessages(boolean includePartialMessages) {
        this.includePartialMessages = includePartialMessages;
    }

    /** @return the in-process MCP server settings */
    public Mcp getMcp() {
        return mcp;
    }

    /** @return the session store settings */
    public SessionStore getSessionStore() {
        return sessionStore;
    }

    /** @return the tracing settings */
    public Tracing getTracing() {
        return tracing;
    }

    /** The in-process MCP server of the application's {@code SdkMcpTool} beans. */
    public static class Mcp {

        /** The name the model knows the server by: its tools are mcp__NAME__TOOL. */
        private String serverName = "app";

        /** @return the server's name */
        public String getServerName() {
            return serverName;
        }

        /** @param serverName the server's name */
        public void setServerName(String serverName) {
            this.serverName = serverName;
        }
    }

    /** The session store, kept in the application's {@code DataSource} when claude-code-store-jdbc is present. */
    public static class SessionStore {

        /** Whether a JDBC session store is made from the application's DataSource. */
        private boolean jdbcEnabled = true;

        /** The prefix of the store's table names. */
        private String tablePrefix = "claude_code_";

        /** The project key sessions are stored under; when unset, the working directory's. */
        private String projectKey;

        /** @return whether a JDBC store is made */
        public boolean isJdbcEnabled() {
            return jdbcEnabled;
        }

        /** @param jdbcEnabled whether a JDBC store is made */
        public void setJdbcEnabled(boolean jdbcEnabled) {
            this.jdbcEnabled = jdbcEnabled;
        }

        /** @return the table prefix */
        public String getTablePrefix() {
            return tablePrefix;
        }

        /** @param tablePrefix the table prefix */
        public void setTablePrefix(String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        /** @return the project key */
        public String getProjectKey() {
            return projectKey;
        }

        /** @param projectKey the project key */
        public void setProjectKey(String projectKey) {
            this.projectKey = projectKey;
        }
    }

    /** Traces of sessions. */
    public static class Tracing {

        /** Whether each CLI gets the trace context (TRACEPARENT), so that its own spans join the trace. */
        private boolean propagateToCli = true;

        /** @return whether the CLI gets the trace context */
        public boolean isPropagateToCli() {
            return propagateToCli;
        }

        /** @param propagateToCli whether the CLI gets the trace context */
        public void setPropagateToCli(boolean propagateToCli) {
            this.propagateToCli = propagateToCli;
        }
    }
}
