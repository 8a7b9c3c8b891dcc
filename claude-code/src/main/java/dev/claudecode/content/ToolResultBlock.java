package dev.claudecode.content;

import java.util.List;
import java.util.Objects;

/**
 * The result of a client-side tool call ({@code "type":"tool_result"}). The CLI writes these in
 * {@code user} messages after running a tool; an SDK caller can also send them.
 *
 * @param toolUseId the id of the {@link ToolUseBlock} this answers
 * @param content the result: a string or content blocks
 * @param isError whether the tool failed
 */
public record ToolResultBlock(String toolUseId, ToolResultContent content, boolean isError)
        implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "tool_result";

    /** Validates the components. */
    public ToolResultBlock {
        Objects.requireNonNull(toolUseId, "toolUseId");
        Objects.requireNonNull(content, "content");
    }

    /**
     * A successful result with text content.
     *
     * @param toolUseId the id of the tool use this answers
     * @param text the result text
     * @return the block
     */
    public static ToolResultBlock of(String toolUseId, String text) {
        return new ToolResultBlock(toolUseId, ToolResultContent.text(text), false);
    }

    /**
     * A successful result made of content blocks (text, images, documents).
     *
     * @param toolUseId the id of the tool use this answers
     * @param blocks the result blocks
     * @return the block
     */
    public static ToolResultBlock of(String toolUseId, List<? extends ContentBlock> blocks) {
        return new ToolResultBlock(toolUseId, ToolResultContent.blocks(blocks), false);
    }

    /**
     * A failed result with an error text.
     *
     * @param toolUseId the id of the tool use this answers
     * @param message what went wrong
     * @return the block
     */
    public static ToolResultBlock error(String toolUseId, String message) {
        return new ToolResultBlock(toolUseId, ToolResultContent.text(message), true);
    }

    /**
     * The text of the result: the string, or the joined text of its text blocks.
     *
     * @return the text, possibly empty
     */
    public String text() {
        return content.asText();
    }

    @Override
    public String type() {
        return TYPE;
    }
}
