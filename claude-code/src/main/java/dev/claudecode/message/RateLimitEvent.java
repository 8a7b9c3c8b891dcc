package dev.claudecode.message;

import dev.claudecode.internal.json.JsonValues;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of a claude.ai subscription rate limit changed ({@code "type":"rate_limit_event"}).
 *
 * @param rateLimitInfo the new state ({@code rate_limit_info})
 * @param sessionId the session id
 * @param uuid the message id
 * @param raw the whole message as plain JSON; empty when built in code
 */
public record RateLimitEvent(
        RateLimitInfo rateLimitInfo, Optional<String> sessionId, Optional<String> uuid, Map<String, Object> raw)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "rate_limit_event";

    /** Validates and copies the components. */
    public RateLimitEvent {
        Objects.requireNonNull(rateLimitInfo, "rateLimitInfo");
        sessionId = sessionId == null ? Optional.empty() : sessionId;
        uuid = uuid == null ? Optional.empty() : uuid;
        raw = JsonValues.copyMap(raw);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
