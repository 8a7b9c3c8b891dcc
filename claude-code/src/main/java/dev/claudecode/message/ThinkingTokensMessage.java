package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Optional;

/**
 * A live estimate of thinking tokens while the model thinks ({@code system/thinking_tokens}); sent
 * only with partial messages enabled. It is meant for progress display, not for accounting.
 *
 * @param estimatedTokens the running estimate for the current thinking block ({@code
 *     estimated_tokens})
 * @param estimatedTokensDelta the increase this message carries ({@code estimated_tokens_delta})
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON
 */
public record ThinkingTokensMessage(
        long estimatedTokens,
        long estimatedTokensDelta,
        Optional<String> sessionId,
        Optional<String> uuid,
        Map<String, Object> raw)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "thinking_tokens";

    /** Copies the components. */
    public ThinkingTokensMessage {
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
