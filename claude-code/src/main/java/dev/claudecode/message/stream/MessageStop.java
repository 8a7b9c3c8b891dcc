package dev.claudecode.message.stream;

/** A response is complete ({@code message_stop}). */
public record MessageStop() implements StreamEvent {

    /** The wire type of this event. */
    public static final String TYPE = "message_stop";

    @Override
    public String type() {
        return TYPE;
    }
}
