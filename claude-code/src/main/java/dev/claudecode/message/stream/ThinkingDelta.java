package dev.claudecode.message.stream;

import java.util.Objects;

/**
 * A piece of a thinking block ({@code thinking_delta}).
 *
 * @param thinking the thinking text to append
 */
public record ThinkingDelta(String thinking) implements Delta {

    /** The wire type of this delta. */
    public static final String TYPE = "thinking_delta";

    /** Validates the component. */
    public ThinkingDelta {
        Objects.requireNonNull(thinking, "thinking");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
