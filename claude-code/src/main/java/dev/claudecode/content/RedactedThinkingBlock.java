package dev.claudecode.content;

import java.util.Objects;

/**
 * Reasoning the API encrypted ({@code "type":"redacted_thinking"}); it cannot be read, only sent back.
 *
 * @param data the opaque encrypted payload
 */
public record RedactedThinkingBlock(String data) implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "redacted_thinking";

    /** Validates the component. */
    public RedactedThinkingBlock {
        Objects.requireNonNull(data, "data");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
