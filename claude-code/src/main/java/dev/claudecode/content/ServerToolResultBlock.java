package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a server-side tool, such as {@code web_search_tool_result}, {@code
 * web_fetch_tool_result} or {@code code_execution_tool_result}. Every block type ending in {@code
 * _tool_result} other than {@code tool_result} and {@code mcp_tool_result} decodes to this type. The
 * shapes of these results differ per tool and change over time, so the content is kept as plain
 * JSON.
 *
 * @param type the wire type, such as {@code "web_search_tool_result"}
 * @param toolUseId the id of the {@link ServerToolUseBlock} this answers; empty when none was sent
 * @param content the {@code content} value as plain JSON (an object, an array, a string or null)
 * @param raw the whole block as plain JSON
 */
public record ServerToolResultBlock(String type, String toolUseId, Object content, Map<String, Object> raw)
        implements ContentBlock {

    /** Validates and copies the components. */
    public ServerToolResultBlock {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(toolUseId, "toolUseId");
        content = JsonValues.copy(content);
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }
}
