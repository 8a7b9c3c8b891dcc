package dev.claudecode.observe;

import java.util.Objects;
import java.util.Optional;

/**
 * A CLI process a session launches: the first, one that replaces a CLI that ended, or one that
 * starts a new conversation after {@code Session.clear()}. Its observation ends when the CLI has
 * answered the start-up handshake ({@code initialize}), or fails when it cannot be started or
 * exits first.
 *
 * @param reason why the session launches it
 * @param resumedSessionId the conversation it continues, when it resumes one
 */
public record CliLaunch(Reason reason, Optional<String> resumedSessionId) {

    /** Validates the components. */
    public CliLaunch {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(resumedSessionId, "resumedSessionId");
    }

    /** Why a CLI is launched. */
    public enum Reason {
        /** The session's first CLI, as the options describe it. */
        START,
        /** A CLI that continues the conversation after the previous one ended (crashed or was stopped). */
        RESTART,
        /** A CLI that starts a new conversation after {@code Session.clear()}. */
        RESET
    }
}
