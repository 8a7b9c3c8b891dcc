package dev.claudecode.ssh;

import dev.claudecode.errors.ClaudeCodeException;

/**
 * The SSH connection to a host could not be made or was lost: the host was unreachable, its
 * host key was unknown or changed, authentication failed, or the server refused a channel.
 */
public class SshConnectionException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public SshConnectionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public SshConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
