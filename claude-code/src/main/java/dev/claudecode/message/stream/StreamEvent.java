package dev.claudecode.message.stream;

/**
 * One server-sent event of the Messages API's streaming response, passed through by the CLI when
 * partial messages are enabled. A response streams as {@link MessageStart}, then for each content
 * block {@link ContentBlockStart}, {@link ContentBlockDelta}s and {@link ContentBlockStop}, then
 * {@link MessageDelta} and {@link MessageStop}. Events this library does not know arrive as {@link
 * UnknownStreamEvent}.
 */
public sealed interface StreamEvent
        permits MessageStart,
                ContentBlockStart,
                ContentBlockDelta,
                ContentBlockStop,
                MessageDelta,
                MessageStop,
                UnknownStreamEvent {

    /**
     * The event's {@code type} on the wire, such as {@code "content_block_delta"}.
     *
     * @return the wire type
     */
    String type();
}
