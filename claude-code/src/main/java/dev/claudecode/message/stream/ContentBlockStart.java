package dev.claudecode.message.stream;

import dev.claudecode.content.ContentBlock;
import java.util.Objects;

/**
 * A content block starts ({@code content_block_start}); its content follows in deltas.
 *
 * @param index the block's position in the response, the key of its deltas; -1 when not sent
 * @param contentBlock the block as it starts, usually empty ({@code content_block})
 */
public record ContentBlockStart(int index, ContentBlock contentBlock) implements StreamEvent {

    /** The wire type of this event. */
    public static final String TYPE = "content_block_start";

    /** Validates the components. */
    public ContentBlockStart {
        Objects.requireNonNull(contentBlock, "contentBlock");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
