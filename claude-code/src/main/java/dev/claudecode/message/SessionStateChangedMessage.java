package dev.claudecode.message;

import java.util.Objects;

/**
 * The session went idle, started running, or waits for an answer ({@code
 * system/session_state_changed}).
 *
 * <p>Since CLI 2.1.83.
 *
 * @param state {@code "idle"}, {@code "running"}, {@code "requires_action"} or a newer state
 * @param envelope the session id, uuid and JSON of the message
 */
public record SessionStateChangedMessage(String state, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "session_state_changed";

    /** Validates the components. */
    public SessionStateChangedMessage {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
