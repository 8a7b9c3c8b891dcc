package dev.claudecode.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * A tool of an MCP server, as {@code session.control().mcpStatus()} lists it.
 *
 * @param name the tool's name on its server (the model sees it as {@code mcp__server__name})
 * @param description what it does, when reported
 * @param readOnly whether it only reads ({@code annotations.readOnly}), when the server says
 * @param destructive whether it may destroy data ({@code annotations.destructive}), when the server says
 * @param openWorld whether it reaches outside systems ({@code annotations.openWorld}), when the server says
 */
public record McpToolInfo(
        String name,
        Optional<String> description,
        Optional<Boolean> readOnly,
        Optional<Boolean> destructive,
        Optional<Boolean> openWorld) {

    /** Validates the components and replaces null ones with empty ones. */
    public McpToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(readOnly, "readOnly");
        Objects.requireNonNull(destructive, "destructive");
        Objects.requireNonNull(openWorld, "openWorld");
    }
}
