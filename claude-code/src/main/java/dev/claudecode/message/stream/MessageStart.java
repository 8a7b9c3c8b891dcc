package dev.claudecode.message.stream;

import dev.claudecode.usage.Usage;
import java.util.Objects;

/**
 * A response starts ({@code message_start}).
 *
 * @param messageId the API message id ({@code message.id}), shared by the assistant messages that
 *     follow
 * @param model the model that answers ({@code message.model})
 * @param usage the usage known at the start, with the input token counts
 */
public record MessageStart(String messageId, String model, Usage usage) implements StreamEvent {

    /** The wire type of this event. */
    public static final String TYPE = "message_start";

    /** Validates the components. */
    public MessageStart {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
