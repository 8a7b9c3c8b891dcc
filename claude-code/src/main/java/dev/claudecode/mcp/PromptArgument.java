package dev.claudecode.mcp;

import java.util.Objects;
import java.util.Optional;

/**
 * An argument of an in-process MCP prompt.
 *
 * @param name the argument's name
 * @param description what it means
 * @param required whether it must be given
 */
public record PromptArgument(String name, Optional<String> description, boolean required) {

    /** Validates the components. */
    public PromptArgument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /**
     * {@return a required argument}
     *
     * @param name the argument's name
     * @param description what it means
     */
    public static PromptArgument required(String name, String description) {
        return new PromptArgument(name, Optional.ofNullable(description), true);
    }

    /**
     * {@return an optional argument}
     *
     * @param name the argument's name
     * @param description what it means
     */
    public static PromptArgument optional(String name, String description) {
        return new PromptArgument(name, Optional.ofNullable(description), false);
    }
}
