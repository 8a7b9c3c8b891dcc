package dev.claudecode.console.session;

import java.util.Objects;
import java.util.Optional;

/**
 * What a live session last reported about itself.
 *
 * @param sessionId the conversation's session id, once the CLI reported it
 * @param model the model answering, once known
 * @param permissionMode the permission mode in force, once known
 */
public record SessionState(Optional<String> sessionId, Optional<String> model, Optional<String> permissionMode) {

    /** Checks the components. */
    public SessionState {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(permissionMode, "permissionMode");
    }

    /** @return the state of a session that has reported nothing yet */
    public static SessionState unknown() {
        return new SessionState(Optional.empty(), Optional.empty(), Optional.empty());
    }
}
