package dev.claudecode.control;

import dev.claudecode.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How full the session's context window is, and with what: the answer to
 * {@link SessionControl#contextUsage()}, the same breakdown the CLI's {@code /context} command shows.
 *
 * @param categories the token count per category (system prompt, tools, messages, free space, ...)
 * @param totalTokens the tokens in use ({@code totalTokens})
 * @param maxTokens the usable size of the window ({@code maxTokens})
 * @param rawMaxTokens the model's full window ({@code rawMaxTokens})
 * @param percentage how full the window is, 0 to 100
 * @param model the model whose window this is
 * @param autoCompactEnabled whether the CLI compacts the conversation on its own ({@code isAutoCompactEnabled})
 * @param autoCompactThreshold the token count at which it does ({@code autoCompactThreshold})
 * @param raw the whole answer as plain JSON: memory files, MCP tools, agents, skills, the
 *     per-message breakdown and the last API usage are there
 */
public record ContextUsage(
        List<Category> categories,
        long totalTokens,
        long maxTokens,
        long rawMaxTokens,
        double percentage,
        String model,
        boolean autoCompactEnabled,
        OptionalLong autoCompactThreshold,
        Map<String, Object> raw) {

    /** Validates and copies the components. */
    public ContextUsage {
        categories = List.copyOf(Objects.requireNonNull(categories, "categories"));
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(autoCompactThreshold, "autoCompactThreshold");
        raw = JsonValues.copyMap(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Finds a category by name.
     *
     * @param name e.g. {@code System prompt} or {@code Free space}
     * @return the category, when present
     */
    public Optional<Category> category(String name) {
        return categories.stream().filter(category -> category.name().equals(name)).findFirst();
    }

    /**
     * One part of the context window.
     *
     * @param name what the tokens are for, e.g. {@code System prompt}
     * @param tokens how many tokens it takes
     * @param color the CLI's display color for it
     */
    public record Category(String name, long tokens, String color) {

        /** Validates the components. */
        public Category {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(color, "color");
        }
    }
}
