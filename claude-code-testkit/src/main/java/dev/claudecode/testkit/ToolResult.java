package dev.claudecode.testkit;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@code tool_result} block the CLI sent back to the model.
 *
 * @param toolUseId the id of the tool use it answers
 * @param toolName the tool's name, when the matching {@code tool_use} is in the same request
 * @param text the result as text: the string content, or the text blocks joined by newlines
 * @param isError whether the CLI marked the result as an error
 * @param content the raw {@code content} value as plain JSON (a string or a list of blocks), or an
 *     empty string when absent
 */
public record ToolResult(String toolUseId, Optional<String> toolName, String text, boolean isError, Object content) {

    /** Checks the parts are present. */
    public ToolResult {
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(toolName, "toolName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(content, "content");
    }
}
