package dev.claudecode.message.stream;

import java.util.Objects;

/**
 * A piece of a text block ({@code text_delta}).
 *
 * @param text the text to append
 */
public record TextDelta(String text) implements Delta {

    /** The wire type of this delta. */
    public static final String TYPE = "text_delta";

    /** Validates the component. */
    public TextDelta {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
