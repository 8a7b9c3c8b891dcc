package dev.claudecode.content;

/**
 * One block of a message's content, as the Anthropic Messages API defines it: text, thinking, tool
 * calls and their results, images, documents, and server-side tool blocks. Blocks this library does
 * not know arrive as {@link UnknownBlock}, so a newer CLI or model never breaks a caller.
 *
 * <p>The hierarchy is sealed: switch over it with pattern matching (see the package
 * documentation).
 */
public sealed interface ContentBlock
        permits TextBlock,
                ThinkingBlock,
                RedactedThinkingBlock,
                ToolUseBlock,
                ToolResultBlock,
                ServerToolUseBlock,
                ServerToolResultBlock,
                McpToolUseBlock,
                McpToolResultBlock,
                ImageBlock,
                DocumentBlock,
                UnknownBlock {

    /**
     * The block's {@code type} on the wire, such as {@code "text"} or {@code "tool_use"}.
     *
     * @return the wire type
     */
    String type();
}
