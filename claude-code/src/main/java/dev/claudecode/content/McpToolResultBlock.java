package dev.claudecode.content;

import java.util.Objects;

/**
 * The result of an {@link McpToolUseBlock} ({@code "type":"mcp_tool_result"}).
 *
 * @param toolUseId the id of the tool use this answers
 * @param content the result: text or content blocks
 * @param isError whether the tool failed
 */
public record McpToolResultBlock(String toolUseId, ToolResultContent content, boolean isError)
        implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "mcp_tool_result";

    /** Validates the components. */
    public McpToolResultBlock {
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
