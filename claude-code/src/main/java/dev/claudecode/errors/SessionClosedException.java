package dev.claudecode.errors;

/**
 * The session was stopped, or is stopping, so it can no longer take turns or control requests.
 */
public class SessionClosedException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the session is unusable
     */
    public SessionClosedException(String message) {
        super(message);
    }
}
