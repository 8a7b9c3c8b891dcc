package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A predicted next user prompt ({@code "type":"prompt_suggestion"}), sent after a turn when prompt
 * suggestions are enabled.
 *
 * @param suggestion the suggested prompt
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON; empty when built in code
 */
public record PromptSuggestionMessage(
        String suggestion, Optional<String> sessionId, Optional<String> uuid, Map<String, Object> raw)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "prompt_suggestion";

    /** Validates and copies the components. */
    public PromptSuggestionMessage {
        Objects.requireNonNull(suggestion, "suggestion");
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
