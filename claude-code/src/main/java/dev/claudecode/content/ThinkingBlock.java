package dev.claudecode.content;

import java.util.Objects;

/**
 * The model's visible reasoning ({@code "type":"thinking"}).
 *
 * @param thinking the reasoning text
 * @param signature the API's signature over the thinking, needed to send it back in a later request;
 *     empty when none was sent
 */
public record ThinkingBlock(String thinking, String signature) implements ContentBlock {

    /** The wire type of this block. */
    public static final String TYPE = "thinking";

    /** Validates the components. */
    public ThinkingBlock {
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
