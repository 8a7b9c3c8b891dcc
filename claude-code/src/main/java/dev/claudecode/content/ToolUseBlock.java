package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * The model calls a client-side tool ({@code "type":"tool_use"}): a built-in CLI tool such as
 * {@code Bash}, or an MCP tool named {@code mcp__<server>__<tool>}.
 *
 * @param id the tool use id that the matching {@link ToolResultBlock} refers to
 * @param name the tool name
 * @param input the tool's arguments as plain JSON values
 */
public record ToolUseBlock(String id, String name, Map<String, Object> input) implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "tool_use";

    /** Validates and copies the components. */
    public ToolUseBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        input = JsonValues.copyMap(Objects.requireNonNull(input, "input"));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
