package dev.claudecode.mcp;

import java.util.Objects;

/**
 * One message of an MCP prompt.
 *
 * @param role who says it
 * @param content what is said
 */
public record PromptMessage(Role role, McpContent content) {

    /** Who says a prompt message. */
    public enum Role {
        /** The user. */
        USER,
        /** The assistant. */
        ASSISTANT
    }

    /** Validates the components. */
    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /**
     * {@return a user message}
     *
     * @param text what the user says
     */
    public static PromptMessage user(String text) {
        return new PromptMessage(Role.USER, McpContent.text(text));
    }

    /**
     * {@return an assistant message}
     *
     * @param text what the assistant says
     */
    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, McpContent.text(text));
    }
}
