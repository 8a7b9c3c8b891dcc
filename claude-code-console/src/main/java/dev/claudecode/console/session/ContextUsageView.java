package dev.claudecode.console.session;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How full a session's context window is, as the console shows it.
 *
 * @param totalTokens the tokens in the context
 * @param maxTokens the size of the context window, when known
 * @param categories the tokens by category (system prompt, tools, messages, ...), when known
 * @param source where the numbers come from, shown beside them
 */
public record ContextUsageView(long totalTokens, OptionalLong maxTokens, List<Category> categories, String source) {

    /** Checks and copies the components. */
    public ContextUsageView {
        Objects.requireNonNull(maxTokens, "maxTokens");
        categories = List.copyOf(categories);
        Objects.requireNonNull(source, "source");
    }

    /** @return the share of the window in use, in percent, when the window's size is known */
    public OptionalLong percentage() {
        return maxTokens.isPresent() && maxTokens.getAsLong() > 0
                ? OptionalLong.of(Math.round(100.0 * totalTokens / maxTokens.getAsLong()))
                : OptionalLong.empty();
    }

    /**
     * One category of the context.
     *
     * @param name the category
     * @param tokens its tokens
     */
    public record Category(String name, long tokens) {
        /** Checks the name. */
        public Category {
            Objects.requireNonNull(name, "name");
        }
    }
}
