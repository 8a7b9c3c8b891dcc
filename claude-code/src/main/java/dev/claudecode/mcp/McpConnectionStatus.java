package dev.claudecode.mcp;

import java.util.List;
import java.util.Objects;

/**
 * The connection state of an MCP server. A value type rather than an enum so that states added by
 * newer CLI versions arrive unchanged through {@link #of(String)}.
 *
 * @param value the wire value, e.g. {@code connected}
 */
public record McpConnectionStatus(String value) {

    /** Connected; its tools are available. */
    public static final McpConnectionStatus CONNECTED = new McpConnectionStatus("connected");
    /** Could not connect, or was removed; see {@link McpServerStatus#error()}. */
    public static final McpConnectionStatus FAILED = new McpConnectionStatus("failed");
    /** Waits for the user to authenticate. */
    public static final McpConnectionStatus NEEDS_AUTH = new McpConnectionStatus("needs-auth");
    /** Still connecting. */
    public static final McpConnectionStatus PENDING = new McpConnectionStatus("pending");
    /** Turned off, e.g. by {@code session.control().mcpToggle(name, false)} for some servers. */
    public static final McpConnectionStatus DISABLED = new McpConnectionStatus("disabled");

    private static final List<McpConnectionStatus> KNOWN = List.of(CONNECTED, FAILED, NEEDS_AUTH, PENDING, DISABLED);

    /**
     * Validates the wire value.
     *
     * @param value not null
     */
    public McpConnectionStatus {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Returns the state with this wire value: a constant when it is known, otherwise a new value.
     *
     * @param value the wire value
     * @return the state
     */
    public static McpConnectionStatus of(String value) {
        for (McpConnectionStatus known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new McpConnectionStatus(value);
    }

    /** {@return the wire value} */
    @Override
    public String toString() {
        return value;
    }
}
