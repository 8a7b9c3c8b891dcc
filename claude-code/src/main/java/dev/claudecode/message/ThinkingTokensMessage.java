package dev.claudecode.message;

import java.util.Objects;


/**
 * A live estimate of thinking tokens while the model thinks ({@code system/thinking_tokens}); sent
 * only with partial messages enabled. It is meant for progress display, not for accounting.
 *
 * @param estimatedTokens the running estimate for the current thinking block ({@code
 *     estimated_tokens})
 * @param estimatedTokensDelta the increase this message carries ({@code estimated_tokens_delta})
 * @param envelope the session id, uuid and JSON of the message
 */
public record ThinkingTokensMessage(
        long estimatedTokens,
        long estimatedTokensDelta,
        Envelope envelope)
        implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "thinking_tokens";

    /** Copies the components. */
    public ThinkingTokensMessage {
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
