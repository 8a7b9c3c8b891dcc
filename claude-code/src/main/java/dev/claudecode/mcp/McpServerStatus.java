package dev.claudecode.mcp;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One MCP server of a session and how it is doing, as {@code session.control().mcpStatus()} reports it.
 *
 * @param name the server's name, which prefixes its tools ({@code mcp__name__tool})
 * @param status whether it is connected
 * @param serverInfo the name and version the server reported, when connected ({@code serverInfo})
 * @param error why it failed, when it did
 * @param config how the CLI reaches it, as plain JSON ({@code type}, {@code command}, {@code url}, ...);
 *     reported for servers the CLI connects to itself
 * @param scope where it was configured, e.g. {@code dynamic}, {@code project} or {@code user}
 * @param tools the tools it offers; empty when it is not connected or was toggled off
 * @param raw the whole entry as plain JSON
 */
public record McpServerStatus(
        String name,
        McpConnectionStatus status,
        Optional<Implementation> serverInfo,
        Optional<String> error,
        Optional<Map<String, Object>> config,
        Optional<String> scope,
        List<McpToolInfo> tools,
        Map<String, Object> raw) {

    /** Validates and copies the components. */
    public McpServerStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(serverInfo, "serverInfo");
        Objects.requireNonNull(error, "error");
        config = Objects.requireNonNull(config, "config").map(JsonValues::copyMap);
        Objects.requireNonNull(scope, "scope");
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Tells whether the server is connected.
     *
     * @return whether its status is {@link McpConnectionStatus#CONNECTED}
     */
    public boolean isConnected() {
        return McpConnectionStatus.CONNECTED.equals(status);
    }

    /**
     * The name and version an MCP server reports about itself.
     *
     * @param name the server's own name
     * @param version its version
     */
    public record Implementation(String name, String version) {

        /** Validates the components. */
        public Implementation {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
        }
    }
}
