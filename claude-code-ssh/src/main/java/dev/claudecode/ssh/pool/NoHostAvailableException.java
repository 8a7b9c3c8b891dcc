package dev.claudecode.ssh.pool;

import dev.claudecode.errors.ClaudeCodeException;

/**
 * A {@link SessionPool} has no host for a session: every host is down or full, or every host
 * that was tried failed to start the CLI.
 */
public class NoHostAvailableException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why no host could take the session
     */
    public NoHostAvailableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the failure of the last host tried.
     *
     * @param message why no host could take the session
     * @param cause the last host's failure
     */
    public NoHostAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
