package dev.claudecode.message.stream;

/**
 * A content block is complete ({@code content_block_stop}).
 *
 * @param index the position of the block; -1 when not sent
 */
public record ContentBlockStop(int index) implements StreamEvent {

    /** The wire type of this event. */
    public static final String TYPE = "content_block_stop";

    @Override
    public String type() {
        return TYPE;
    }
}
