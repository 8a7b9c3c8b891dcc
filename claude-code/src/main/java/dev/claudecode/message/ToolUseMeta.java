package dev.claudecode.message;

import java.util.Objects;

/**
 * Display names of an MCP tool use, which the CLI attaches to assistant messages ({@code
 * tool_use_meta}).
 *
 * @param id the tool use id
 * @param displayName the tool's display name ({@code display_name})
 * @param serverDisplayName the MCP server's display name ({@code server_display_name})
 */
public record ToolUseMeta(String id, String displayName, String serverDisplayName) {

    /** Validates the components. */
    public ToolUseMeta {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(serverDisplayName, "serverDisplayName");
    }
}
