package dev.claudecode.mcp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt of an in-process MCP server; Claude Code offers MCP prompts as slash commands.
 *
 * @param name the prompt's name
 * @param description what it does
 * @param arguments its arguments
 * @param handler expands it
 */
public record SdkMcpPrompt(String name, Optional<String> description, List<PromptArgument> arguments,
        PromptHandler handler) {

    /** Validates and copies the components. */
    public SdkMcpPrompt {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a prompt needs a name");
        }
        Objects.requireNonNull(description, "description");
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
        Objects.requireNonNull(handler, "handler");
    }
}
