package dev.claudecode.message;

/**
 * What a background task or subagent has used so far ({@code usage} of task messages).
 *
 * @param totalTokens tokens used ({@code total_tokens})
 * @param toolUses tool calls made ({@code tool_uses})
 * @param durationMs wall time in milliseconds ({@code duration_ms})
 */
public record TaskUsage(long totalTokens, long toolUses, long durationMs) {
}
