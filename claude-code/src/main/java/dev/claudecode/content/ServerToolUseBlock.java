package dev.claudecode.content;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;

/**
 * The model calls a tool that the API itself runs ({@code "type":"server_tool_use"}), such as web
 * search or code execution. Its result arrives as a {@link ServerToolResultBlock}.
 *
 * @param id the tool use id
 * @param name the server tool name, such as {@code "web_search"}
 * @param input the tool's arguments as plain JSON values
 */
public record ServerToolUseBlock(String id, String name, Map<String, Object> input) implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "server_tool_use";

    /** Validates and copies the components. */
    public ServerToolUseBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        input = JsonValues.copyMap(Objects.requireNonNull(input, "input"));
    }

    @Override
    public String type() {
        return TYPE;
    }
}
