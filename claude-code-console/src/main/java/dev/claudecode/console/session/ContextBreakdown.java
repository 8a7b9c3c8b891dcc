package dev.claudecode.console.session;

import dev.claudecode.control.ContextUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A session's context usage as the CLI's {@code /context} view presents it: the numbers the
 * {@code get_context_usage} answer carries (tokens in use, the window, the percentage, each
 * category by the CLI's own name), with the categories told apart as the CLI tells them. Only the
 * categories of kind {@link Kind#USED} count towards the tokens in use (they add up to it); the
 * free space and the autocompact buffer fill the rest of the window; deferred tools are loaded on
 * demand and count for nothing yet.
 *
 * @param model the model whose window this is
 * @param totalTokens the tokens in use, as the CLI reports them
 * @param windowTokens the size of the window the shares are of (the CLI's {@code rawMaxTokens},
 *     else {@code maxTokens})
 * @param percentage how full the window is, as the CLI reports it, such as {@code 1%}
 * @param categories the categories in the order the CLI shows them: those in use (empty ones
 *     left out), then free space, then the buffer, then deferred ones
 */
public record ContextBreakdown(String model, long totalTokens, long windowTokens, String percentage, List<Category> categories) {

    /** Checks and copies the components. */
    public ContextBreakdown {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(percentage, "percentage");
        categories = List.copyOf(categories);
    }

    /** What a category's tokens are, as the CLI classes them ({@code kind} in its answer). */
    public enum Kind {
        /** Tokens the context holds now: system prompt, tools, skills, messages, ... */
        USED,
        /** The window left free. */
        FREE,
        /** Space kept back for compacting. */
        BUFFER,
        /** Tools the CLI loads on demand: not in the context yet. */
        DEFERRED;

        /** @return the name the CLI gives the kind */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Kind> ofWireName(Object name) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One category of the window.
     *
     * @param name the CLI's name for it, such as {@code System prompt}
     * @param tokens how many tokens it takes
     * @param kind what the tokens are
     * @param share its share of the window as the CLI's {@code /context} writes it: {@code 96%},
     *     {@code 0.2%}, {@code <0.1%}
     */
    public record Category(String name, long tokens, Kind kind, String share) {

        /** Checks the components. */
        public Category {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(share, "share");
        }
    }

    /**
     * The breakdown of what the CLI answered.
     *
     * @param usage the answer to {@code get_context_usage}
     * @return the breakdown
     */
    public static ContextBreakdown of(ContextUsage usage) {
        long window = usage.rawMaxTokens() > 0 ? usage.rawMaxTokens() : usage.maxTokens();
        List<Map<?, ?>> rawCategories = rawCategories(usage.raw());
        List<Category> categories = new ArrayList<>();
        for (int i = 0; i < usage.categories().size(); i++) {
            ContextUsage.Category category = usage.categories().get(i);
            Map<?, ?> raw = i < rawCategories.size() && category.name().equals(rawCategories.get(i).get("name")) ? rawCategories.get(i) : Map.of();
            Kind kind = kind(category.name(), raw);
            if (kind == Kind.USED && category.tokens() <= 0) {
                continue;
            }
            categories.add(new Category(category.name(), category.tokens(), kind, share(category.tokens(), window)));
        }
        // stable: within a kind the CLI's order stays
        categories.sort(Comparator.comparing(Category::kind));
        return new ContextBreakdown(usage.model(), usage.totalTokens(), window, percent(usage.percentage()), categories);
    }

    /** @return the categories that count towards the tokens in use */
    public List<Category> used() {
        return categories.stream().filter(category -> category.kind() == Kind.USED).toList();
    }

    /**
     * A share of the window the way the CLI's {@code /context} writes it: below one percent with one
     * decimal ({@code <0.1%} when it would round to nothing), else a whole percentage.
     *
     * @param tokens the tokens
     * @param window the window's size
     * @return the share, such as {@code 0.2%} or {@code 96%}
     */
    static String share(long tokens, long window) {
        if (window <= 0) {
            return "–";
        }
        double percent = tokens * 100.0 / window;
        if (percent > 0 && percent < 0.05) {
            return "<0.1%";
        }
        return percent < 0.95 ? percent(Math.round(percent * 10) / 10.0) : Math.round(percent) + "%";
    }

    /** A percentage as reported: whole numbers without decimals. */
    private static String percent(double value) {
        return value == Math.rint(value) ? (long) value + "%" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    /** The CLI's kind, else its rule for answers without one: by name, and deferred when it says so. */
    private static Kind kind(String name, Map<?, ?> raw) {
        return Kind.ofWireName(raw.get("kind")).orElseGet(() -> switch (name) {
            case "Free space" -> Kind.FREE;
            case "Autocompact buffer", "Compact buffer" -> Kind.BUFFER;
            default -> Boolean.TRUE.equals(raw.get("isDeferred")) ? Kind.DEFERRED : Kind.USED;
        });
    }

    private static List<Map<?, ?>> rawCategories(Map<String, Object> raw) {
        if (!(raw.get("categories") instanceof List<?> list)) {
            return List.of();
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Object item : list) {
            maps.add(item instanceof Map<?, ?> map ? map : Map.of());
        }
        return maps;
    }
}
