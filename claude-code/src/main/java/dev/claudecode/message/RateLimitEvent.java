package dev.claudecode.message;

import java.util.Objects;

/**
 * The state of a claude.ai subscription rate limit changed ({@code "type":"rate_limit_event"}).
 *
 * @param rateLimitInfo the new state ({@code rate_limit_info})
 * @param envelope the session id, uuid and JSON of the message
 */
public record RateLimitEvent(
        RateLimitInfo rateLimitInfo, Envelope envelope)
        implements Message {

    /** The wire type of this message. */
    public static final String TYPE = "rate_limit_event";

    /** Validates and copies the components. */
    public RateLimitEvent {
        Objects.requireNonNull(rateLimitInfo, "rateLimitInfo");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
