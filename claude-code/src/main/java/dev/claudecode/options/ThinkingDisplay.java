package dev.claudecode.options;

import java.util.List;
import java.util.Objects;

/**
 * How the model's thinking appears in its responses: the {@code --thinking-display} flag at start
 * and the {@code thinking_display} field of the {@code set_max_thinking_tokens} control request at
 * runtime. A value type so that displays added by newer CLIs can be named through {@link #of(String)}.
 *
 * @param value the wire value, e.g. {@code summarized}
 */
public record ThinkingDisplay(String value) {

    /** A prose summary of the thinking. */
    public static final ThinkingDisplay SUMMARIZED = new ThinkingDisplay("summarized");
    /** No thinking text at all. */
    public static final ThinkingDisplay OMITTED = new ThinkingDisplay("omitted");
    /**
     * One short title per stretch of thinking ({@code highlights}, introduced after CLI 2.1.197; the
     * API honours it only for sessions Anthropic hosts, and CLI 2.1.332 answers the control request
     * with an error where it cannot send it).
     */
    public static final ThinkingDisplay HIGHLIGHTS = new ThinkingDisplay("highlights");

    private static final List<ThinkingDisplay> KNOWN = List.of(SUMMARIZED, OMITTED, HIGHLIGHTS);

    /**
     * Validates the wire value.
     *
     * @param value the wire value, not blank
     */
    public ThinkingDisplay {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a thinking display must not be blank");
        }
    }

    /**
     * Returns the display with this wire value, a constant when it is known.
     *
     * @param value the wire value
     * @return the display
     */
    public static ThinkingDisplay of(String value) {
        for (ThinkingDisplay known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new ThinkingDisplay(value);
    }

    /** {@return the wire value} */
    @Override
    public String toString() {
        return value;
    }
}
