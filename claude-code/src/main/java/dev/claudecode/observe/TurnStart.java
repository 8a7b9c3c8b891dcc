package dev.claudecode.observe;

import java.util.Objects;
import java.util.Optional;

/**
 * A turn a session was asked for. It is reported when it is asked for, on the asking thread, and
 * may wait behind earlier turns before its user message reaches the CLI.
 *
 * @param sessionId the conversation's id, when the session knows it already
 * @param userMessageUuid the uuid the caller chose for the user message, if any
 */
public record TurnStart(Optional<String> sessionId, Optional<String> userMessageUuid) {

    /** Validates the components. */
    public TurnStart {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(userMessageUuid, "userMessageUuid");
    }
}
