package dev.claudecode.message;

import java.util.Objects;

/**
 * The session's name changed ({@code system/session_title_changed}), including a rename the caller
 * asked for; a session that already has a name also announces it at start-up. Not sent for a title
 * the model made up.
 *
 * <p>Since CLI 2.1.307.
 *
 * @param title the session's name now
 * @param envelope the session id, uuid and JSON of the message
 */
public record SessionTitleChangedMessage(String title, Envelope envelope) implements SystemMessage {

    /** The subtype of this message. */
    public static final String SUBTYPE = "session_title_changed";

    /** Validates the components. */
    public SessionTitleChangedMessage {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(envelope, "envelope");
    }

    @Override
    public String subtype() {
        return SUBTYPE;
    }
}
