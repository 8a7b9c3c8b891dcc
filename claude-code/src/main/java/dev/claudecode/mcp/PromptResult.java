package dev.claudecode.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An expanded MCP prompt: the messages it stands for.
 *
 * @param description what the expansion is
 * @param messages the messages, in order
 */
public record PromptResult(Optional<String> description, List<PromptMessage> messages) {

    /** Validates and copies the components. */
    public PromptResult {
        Objects.requireNonNull(description, "description");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }

    /**
     * {@return an expansion without a description}
     *
     * @param messages the messages
     */
    public static PromptResult of(PromptMessage... messages) {
        return new PromptResult(Optional.empty(), List.of(messages));
    }
}
