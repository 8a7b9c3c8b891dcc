package dev.claudecode.options;

/**
 * How the session hands the MCP servers of {@code ClaudeCodeOptions.mcpServers} (and the inline
 * JSON of {@code mcpConfig}) to the CLI. Their {@code env} and {@code headers} often carry tokens,
 * so neither way puts them on the CLI's command line, which every user of the machine can read in
 * {@code /proc/<pid>/cmdline}.
 *
 * <p>Unset, the session picks {@link #INITIALIZE} for a CLI that supports it (2.1.326 and newer,
 * told by its {@code --version}) and {@link #COMMAND_LINE} for an older one.
 */
public enum McpServersDelivery {

    /**
     * In the {@code initialize} request on the CLI's standard input, with {@code --await-initialize}
     * so that the CLI reads them before it starts; needs CLI 2.1.326 or newer. In-process
     * ({@code sdk}) servers are announced there by name.
     */
    INITIALIZE,

    /**
     * As {@code --mcp-config <file>}: the servers' JSON is written to a file only the CLI's user
     * can read, in a new private directory on the machine where the CLI runs, and removed as soon
     * as the CLI has answered {@code initialize}. Works with every supported CLI.
     */
    COMMAND_LINE
}
