package dev.claudecode.observe;

import java.util.Objects;
import java.util.Optional;

/**
 * A call of the application's Java code that the CLI asked for: the permission callback, a hook
 * callback or an in-process MCP tool. Its observation is opened around the Java code, on the
 * thread that runs it, and ends with a short outcome: {@code allow} or {@code deny} for a
 * permission, {@code ok} for a hook, {@code ok} or {@code error} for an MCP tool (the tool's own
 * error result). It fails when the code throws or misses its deadline.
 *
 * @param kind which callback
 * @param name what is called: the tool asked about ({@code Bash}), the hook event ({@code
 *     PreToolUse}), or the MCP tool as {@code server/tool}
 * @param toolUseId the tool use it is about, when the CLI names one
 */
public record CallbackCall(Kind kind, String name, Optional<String> toolUseId) {

    /** Validates the components. */
    public CallbackCall {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(toolUseId, "toolUseId");
    }

    /** The kinds of callback. */
    public enum Kind {
        /** {@code ClaudeCodeOptions.canUseTool}: may the model use a tool? */
        CAN_USE_TOOL,
        /** A hook callback of {@code ClaudeCodeOptions.hooks}. */
        HOOK,
        /** A tool of an in-process MCP server ({@code SdkMcpServer}). */
        MCP_TOOL
    }
}
