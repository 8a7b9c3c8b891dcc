package dev.claudecode.message;

import java.util.Objects;

/**
 * The output of a slash command that runs inside the CLI without the model, such as {@code /cost}
 * ({@code system/local_command_output}).
 *
 * <p>Since CLI 2.1.63.
 *
 * @param content the output text
 * @param envelope the session id, uuid and JSON of the message
 */
public record LocalCommandOutputMessage(String content, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "local_command_output";

    /** Validates the components. */
    public LocalCommandOutputMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
