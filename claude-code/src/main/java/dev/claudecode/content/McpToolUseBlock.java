package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * The model calls a tool of a remote MCP server that the API connects to itself (the MCP
 * connector, {@code "type":"mcp_tool_use"}). MCP servers run by the CLI or by this SDK appear as
 * ordinary {@link ToolUseBlock}s instead.
 *
 * @param id the tool use id
 * @param name the tool name on its server
 * @param serverName the MCP server's name
 * @param input the tool's arguments as plain JSON values
 */
public record McpToolUseBlock(String id, String name, String serverName, Map<String, Object> input)
        implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "mcp_tool_use";

    /** Validates and copies the components. */
    public McpToolUseBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serverName, "serverName");
        input = JsonValues.copyMap(Objects.requireNonNull(input, "input"));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
