package dev.claudecode.message.stream;

import dev.claudecode.usage.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * Top-level changes at the end of a response ({@code message_delta}).
 *
 * @param stopReason why the model stopped ({@code delta.stop_reason}), such as {@code "end_turn"}
 *     or {@code "tool_use"}
 * @param stopSequence the stop sequence that was hit ({@code delta.stop_sequence})
 * @param usage the cumulative usage; usually only the output tokens are set
 */
public record MessageDelta(Optional<String> stopReason, Optional<String> stopSequence, Usage usage)
        implements StreamEvent {

    /** The wire type of this event. */
    public static final String TYPE = "message_delta";

    /** Validates the components. */
    public MessageDelta {
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(stopSequence, "stopSequence");
        Objects.requireNonNull(usage, "usage");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
