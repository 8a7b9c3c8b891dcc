package dev.claudecode.message;

import java.util.Objects;

/**
 * A predicted next user prompt ({@code "type":"prompt_suggestion"}), sent after a turn when prompt
 * suggestions are enabled.
 *
 * @param suggestion the suggested prompt
 * @param envelope the session id, uuid and JSON of the message
 */
public record PromptSuggestionMessage(
        String suggestion, Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "prompt_suggestion";

    /** Validates and copies the components. */
    public PromptSuggestionMessage {
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
