package dev.claudecode.message.stream;

import java.util.Objects;

/**
 * A piece of a content block's content ({@code content_block_delta}).
 *
 * @param index the position of the block it belongs to; -1 when not sent
 * @param delta the piece
 */
public record ContentBlockDelta(int index, Delta delta) implements StreamEvent {

    /** The wire type of this event. */
    public static final String TYPE = "content_block_delta";

    /** Validates the components. */
    public ContentBlockDelta {
        Objects.requireNonNull(delta, "delta");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
