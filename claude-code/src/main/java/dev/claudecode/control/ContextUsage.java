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
     * Finds a category by its stable id.
     *
     * @param id e.g. {@code system_prompt} or {@code free_space} (CLI 2.1.332)
     * @return the category, when present
     */
    public Optional<Category> categoryById(String id) {
        return categories.stream().filter(category -> category.id().filter(id::equals).isPresent()).findFirst();
    }

    /**
     * How {@link SessionControl#contextUsage(Detail)} counts ({@code detail} of
     * {@code get_context_usage}, introduced after CLI 2.1.197; older CLIs always count fully).
     */
    public enum Detail {
        /** Each category counted with the token-count API: exact, and slower ({@code full}, the default). */
        FULL("full"),
        /** From the last response's usage and local estimates, without token-count calls ({@code summary}). */
        SUMMARY("summary");

        private final String value;

        Detail(String value) {
            this.value = value;
        }

        /** {@return the wire value} */
        public String value() {
            return value;
        }
    }

    /**
     * One part of the context window.
     *
     * @param name what the tokens are for, e.g. {@code System prompt}
     * @param tokens how many tokens it takes
     * @param color the CLI's display color for it
     * @param id the row's stable id, e.g. {@code system_prompt}; match rows on it, not on the name
     *     ({@code id}, CLI 2.1.332)
     * @param kind what the row is: {@code used}, {@code free}, {@code buffer} or {@code deferred}
     *     ({@code kind}, CLI 2.1.332)
     */
    public record Category(String name, long tokens, String color, Optional<String> id, Optional<String> kind) {

        /** Validates the components. */
        public Category {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(color, "color");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
        }

        /**
         * A category as CLI 2.1.197 reports it, without id and kind.
         *
         * @param name what the tokens are for
         * @param tokens how many tokens it takes
         * @param color the CLI's display color
         */
        public Category(String name, long tokens, String color) {
            this(name, tokens, color, Optional.empty(), Optional.empty());
        }
    }
}
