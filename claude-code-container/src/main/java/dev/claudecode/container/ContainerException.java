package dev.claudecode.container;

import dev.claudecode.errors.ClaudeCodeException;

/** The container engine could not be reached, or refused what the transport asked of it. */
public class ContainerException extends ClaudeCodeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public ContainerException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
